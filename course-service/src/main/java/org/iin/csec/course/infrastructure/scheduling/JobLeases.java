package org.iin.csec.course.infrastructure.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * One instance at a time for a background job: a row per job holds who runs it until when. Taking it is one
 * conditional UPDATE, so two instances never both win; a crashed holder's lease simply runs out.
 */
@ApplicationScoped
public class JobLeases {

    @PersistenceContext(unitName = "course")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean tryTake(String job, String holder, Duration lease) {
        Instant now = Instant.now();
        return em.createNativeQuery("UPDATE job_lease SET holder = ?, until = ? WHERE name = ?"
                        + " AND (until IS NULL OR until < ? OR holder = ?)")
                .setParameter(1, holder).setParameter(2, Timestamp.from(now.plus(lease))).setParameter(3, job)
                .setParameter(4, Timestamp.from(now)).setParameter(5, holder)
                .executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String job, String holder) {
        em.createNativeQuery("UPDATE job_lease SET until = NULL WHERE name = ? AND holder = ?")
                .setParameter(1, job).setParameter(2, holder).executeUpdate();
    }
}
