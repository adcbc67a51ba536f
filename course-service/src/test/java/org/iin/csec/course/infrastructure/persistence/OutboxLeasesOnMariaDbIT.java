package org.iin.csec.course.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.flywaydb.core.Flyway;
import org.iin.csec.chassis.outbox.WorkStatus;
import org.iin.csec.course.domain.outbox.OutboxItem;
import org.iin.csec.course.domain.outbox.WorkKind;
import org.iin.csec.course.it.MariaDbDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two service instances draining one outbox on MariaDB at once (two threads with their own connections, the
 * real JpaOutbox): every item is taken by exactly one of them, and an item whose taker died is taken again
 * once its lease runs out.
 */
@ExtendWith(MariaDbDatabase.class)
class OutboxLeasesOnMariaDbIT {

    private static EntityManagerFactory database;
    private final Instant now = Instant.now();

    @BeforeAll
    static void schema() {
        Flyway.configure().dataSource(MariaDbDatabase.url(), "root", "").locations("classpath:db/migration/course")
                .load().migrate();
        database = Persistence.createEntityManagerFactory("outbox-test", Map.of(
                "jakarta.persistence.jdbc.url", MariaDbDatabase.url(),
                "jakarta.persistence.jdbc.user", "root",
                "jakarta.persistence.jdbc.password", "",
                "jakarta.persistence.jdbc.driver", "com.mysql.cj.jdbc.Driver"));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void twoInstancesDrainingAtOnceTakeEveryItemExactlyOnce() throws Exception {
        List<Long> ids = add(300, WorkKind.MOODLE_ENROL);
        Map<Long, String> takenBy = new ConcurrentHashMap<>();
        List<Long> takenTwice = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        List<Future<Integer>> drained = new ArrayList<>();
        for (String instance : List.of("instance-a", "instance-b")) {
            drained.add(instances.submit(() -> {
                start.await();
                int taken = 0;
                for (List<OutboxItem> batch = claim(instance, 7, now); !batch.isEmpty(); batch = claim(instance, 7, now)) {
                    for (OutboxItem item : batch) {
                        if (takenBy.putIfAbsent(item.id(), instance) != null) {
                            takenTwice.add(item.id());
                        }
                    }
                    Thread.sleep(5); // sending takes a while: the other instance claims meanwhile
                    finish(batch);
                    taken += batch.size();
                }
                return taken;
            }));
        }
        start.countDown();
        int a = drained.get(0).get();
        int b = drained.get(1).get();
        instances.shutdown();

        assertThat(takenTwice).isEmpty();
        assertThat(a + b).isEqualTo(ids.size());
        assertThat(takenBy.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(a).as("both instances worked").isPositive();
        assertThat(b).as("both instances worked").isPositive();
        assertThat(statuses(ids)).containsOnly(WorkStatus.DONE);
    }

    @Test
    void workLeasedByAnInstanceThatDiedIsTakenAgainWhenTheLeaseRunsOut() {
        List<Long> ids = add(5, WorkKind.MOODLE_UNENROL);

        List<OutboxItem> takenByTheDead = claim(WorkKind.MOODLE_UNENROL, "dead", 10, now, now.plusSeconds(60));
        assertThat(takenByTheDead).extracting(OutboxItem::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(claim(WorkKind.MOODLE_UNENROL, "alive", 10, now.plusSeconds(30), now.plusSeconds(90))).isEmpty();

        List<OutboxItem> retaken = claim(WorkKind.MOODLE_UNENROL, "alive", 10, now.plusSeconds(61), now.plusSeconds(120));
        assertThat(retaken).extracting(OutboxItem::id).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void itemsWaitingForTheirBackOffAreNotTakenEarly() {
        List<Long> ids = add(1, WorkKind.CERTIFICATE_HANDOFF);
        List<OutboxItem> first = claim(WorkKind.CERTIFICATE_HANDOFF, "a", 10, now, now.plusSeconds(60));
        inTransaction(em -> em.find(OutboxItem.class, first.get(0).id()).failedForNow("HTTP 503", now, Duration.ofSeconds(10)));

        assertThat(claim(WorkKind.CERTIFICATE_HANDOFF, "a", 10, now.plusSeconds(5), now.plusSeconds(65))).isEmpty();
        assertThat(claim(WorkKind.CERTIFICATE_HANDOFF, "a", 10, now.plusSeconds(11), now.plusSeconds(71)))
                .extracting(OutboxItem::id).containsExactlyElementsOf(ids);
    }

    private List<OutboxItem> claim(String owner, int limit, Instant at) {
        return claim(WorkKind.MOODLE_ENROL, owner, limit, at, at.plus(Duration.ofMinutes(2)));
    }

    private List<OutboxItem> claim(WorkKind kind, String owner, int limit, Instant at, Instant until) {
        List<OutboxItem> claimed = new ArrayList<>();
        inTransaction(entityManager -> {
            JpaOutbox outbox = new JpaOutbox() {
                {
                    em = entityManager;
                }
            };
            claimed.addAll(outbox.claim(kind, owner, limit, at, until));
        });
        return claimed;
    }

    private void finish(List<OutboxItem> batch) {
        inTransaction(em -> batch.forEach(item -> em.find(OutboxItem.class, item.id()).succeeded(Instant.now())));
    }

    private List<Long> add(int count, WorkKind kind) {
        List<Long> ids = new ArrayList<>();
        inTransaction(em -> {
            List<OutboxItem> items = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                OutboxItem item = new OutboxItem(kind, "2027-1", 1000 + i, now.minusSeconds(1));
                em.persist(item);
                items.add(item);
            }
            em.flush();
            items.forEach(item -> ids.add(item.id()));
        });
        return ids;
    }

    private Set<WorkStatus> statuses(List<Long> ids) {
        Set<WorkStatus> statuses = new HashSet<>();
        inTransaction(em -> ids.forEach(id -> statuses.add(em.find(OutboxItem.class, id).status())));
        return statuses;
    }

    private static void inTransaction(java.util.function.Consumer<EntityManager> work) {
        EntityManager em = database.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }
}
