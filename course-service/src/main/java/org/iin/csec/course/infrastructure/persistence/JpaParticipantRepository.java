package org.iin.csec.course.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import org.iin.csec.chassis.domain.RuleViolation;
import org.iin.csec.course.domain.agreement.Agreement;
import org.iin.csec.course.domain.edition.Edition;
import org.iin.csec.course.domain.edition.EditionStatus;
import org.iin.csec.course.domain.participant.OnlineStageResult;
import org.iin.csec.course.domain.participant.Participant;
import org.iin.csec.course.domain.participant.ParticipantRepository;
import org.iin.csec.course.domain.participant.ParticipantStatus;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaParticipantRepository implements ParticipantRepository {

    /**
     * What StateSeats reads of people already proposed (the id and version always load). No time: the driver
     * builds a Calendar for every DATETIME it reads, a third of this query's cost when it was read.
     */
    private static final List<String> SEAT_ATTRIBUTES =
            List.of("status", "rank", "email", "identityDocument");

    @PersistenceContext(unitName = "course")
    EntityManager em;

    @Override
    public Optional<Participant> find(Edition edition, long id) {
        return em.createQuery("select p from Participant p where p.edition = :edition and p.id = :id",
                        Participant.class)
                .setParameter("edition", edition).setParameter("id", id)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<Participant> findForChange(long id) {
        Participant participant = em.find(Participant.class, id);
        if (participant == null) {
            return Optional.empty();
        }
        em.find(Agreement.class, participant.agreement().id(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        em.refresh(participant);
        return Optional.of(participant);
    }

    @Override
    public List<Participant> findAll(Agreement agreement) {
        return em.createQuery("select p from Participant p where p.agreement = :agreement order by p.id",
                        Participant.class)
                .setParameter("agreement", agreement)
                // Called right after taking the seat lock: re-read rows this transaction may hold stale copies of.
                .setHint("eclipselink.refresh", "true")
                .getResultList();
    }

    @Override
    public List<Participant> findAllForSeats(Agreement agreement) {
        // A nomination reads a state's whole list (up to a few hundred people) to place one newcomer: building
        // every participant in full was the largest part of its cost. A fetch group needs EclipseLink's weaving,
        // which Payara does on deployment.
        TypedQuery<Participant> query = em.createQuery(
                        "select p from Participant p where p.agreement = :agreement order by p.id", Participant.class)
                .setParameter("agreement", agreement)
                .setHint("eclipselink.refresh", "true");
        for (String attribute : SEAT_ATTRIBUTES) {
            query.setHint("eclipselink.fetch-group.attribute", attribute);
        }
        return query.getResultList();
    }

    @Override
    public List<Participant> search(Edition edition, String stateCode, ParticipantStatus status) {
        // Filters are bound parameters, never concatenated text.
        StringBuilder jpql = new StringBuilder("select p from Participant p where p.edition = :edition");
        if (stateCode != null) {
            jpql.append(" and p.stateCode = :state");
        }
        if (status != null) {
            jpql.append(" and p.status = :status");
        }
        jpql.append(" order by p.stateCode, p.rank, p.id");
        TypedQuery<Participant> query = em.createQuery(jpql.toString(), Participant.class)
                .setParameter("edition", edition);
        if (stateCode != null) {
            query.setParameter("state", stateCode);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.getResultList();
    }

    @Override
    public Optional<Participant> findByEmail(Edition edition, String normalisedEmail) {
        return em.createQuery("select p from Participant p where p.edition = :edition and p.email = :email",
                        Participant.class)
                .setParameter("edition", edition).setParameter("email", normalisedEmail)
                .getResultStream().findFirst();
    }

    @Override
    public List<Participant> findOnlineStageToRead(String editionCode) {
        TypedQuery<Participant> query = em.createQuery("select p from Participant p join p.edition e"
                        + " where p.status = :enrolled and p.onlineStageResult <> :completed and p.moodleUserId is not null"
                        + " and e.moodleCourseId is not null and e.status in :stages"
                        + (editionCode == null ? "" : " and e.code = :code"), Participant.class)
                .setParameter("enrolled", ParticipantStatus.ENROLLED)
                .setParameter("completed", OnlineStageResult.COMPLETED)
                .setParameter("stages", List.of(EditionStatus.ONLINE_STAGE, EditionStatus.FACE_TO_FACE_STAGE));
        if (editionCode != null) {
            query.setParameter("code", editionCode);
        }
        return query.getResultList();
    }

    @Override
    public List<Long> someMoodleUserIds(int count) {
        return em.createQuery("select p.moodleUserId from Participant p where p.moodleUserId is not null order by p.id desc",
                Long.class).setMaxResults(count).getResultList();
    }

    /**
     * Inserts at once, so the participant has its id and a race the seat lock cannot see (the same e-mail
     * proposed by two states at the same moment) fails here, on the unique constraint, with a clear message.
     */
    @Override
    public void add(Participant participant) {
        try {
            em.persist(participant);
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new RuleViolation("duplicate-person", "email",
                        "This person (same e-mail or identity document) is already proposed in this edition.");
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // SQLState class 23: integrity constraint violation, on MySQL, MariaDB and H2 alike.
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
