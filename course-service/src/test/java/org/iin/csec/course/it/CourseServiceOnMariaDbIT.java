package org.iin.csec.course.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iin.csec.course.it.Api.expect;
import static org.iin.csec.course.it.Api.nominee;

/**
 * course-service on MariaDB through MySQL Connector/J, as in production, under concurrent load: a quota is
 * never exceeded, the waitlist keeps arrival order, and nobody is nominated twice.
 */
@ExtendWith(MariaDbDatabase.class)
@ExtendWith(ArquillianExtension.class)
class CourseServiceOnMariaDbIT {

    private static final String LEADER = "db.leader";
    private static final String COORD_PE = "db.coord.pe";
    private static final String COORD_CL = "db.coord.cl";
    private static boolean prepared;

    @ArquillianResource
    URL deployment;

    private Api api;

    @Deployment(testable = false)
    @TargetsContainer("mariadb")
    static WebArchive deployment() {
        return Deployments.courseService();
    }

    @BeforeEach
    void prepareOnce() {
        api = new Api(deployment);
        if (!prepared) {
            api.account(LEADER, "COURSE_LEADER", null);
            api.account(COORD_PE, "STATE_COORDINATOR", "PE");
            api.account(COORD_CL, "STATE_COORDINATOR", "CL");
            prepared = true;
        }
    }

    @Test
    void fiftyConcurrentNominationsForFiveSeats() throws Exception {
        String edition = "DB-RACE";
        api.openEdition(LEADER, edition, "PE=5");
        String path = "/editions/" + edition + "/agreements/PE/nominations";

        List<Api.Reply> replies = concurrently(50, i -> api.post(COORD_PE, path, nominee("Racer" + i, "racer" + i + "@example.org")));

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.toString()).isEqualTo(201));
        List<JsonObject> roster = roster(edition, "PE");
        assertThat(roster).hasSize(50);
        assertThat(roster).extracting(p -> p.getString("email")).doesNotHaveDuplicates();
        List<JsonObject> seated = withStatus(roster, "NOMINATED");
        List<JsonObject> waitlist = withStatus(roster, "WAITLISTED");
        assertThat(seated).hasSize(5);
        assertThat(waitlist).hasSize(45);
        // Arrival order is the order the seat lock let them in: ids and times increase with it.
        long lastSeated = seated.stream().mapToLong(p -> p.getInt("id")).max().orElseThrow();
        assertThat(waitlist).allSatisfy(p -> assertThat(p.getInt("id")).isGreaterThan((int) lastSeated));
        assertThat(waitlist).extracting(p -> p.getInt("waitlistPosition"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 45).boxed().toList());
        assertThat(waitlist).isSortedAccordingTo(Comparator.comparingInt(p -> p.getInt("id")));
        assertThat(waitlist).isSortedAccordingTo(Comparator.comparing(p -> p.getString("nominatedAt")));
        // What MariaDB itself holds, read directly: five seats, no more.
        assertThat(countInDatabase(edition, "PE", "NOMINATED")).isEqualTo(5);
        assertThat(countInDatabase(edition, "PE", "WAITLISTED")).isEqualTo(45);
    }

    @Test
    void withdrawalsRacingPromotionsAndAQuotaRaiseNeverOverfill() throws Exception {
        String edition = "DB-WITHDRAW";
        api.openEdition(LEADER, edition, "PE=5");
        String path = "/editions/" + edition + "/agreements/PE/nominations";
        for (int i = 0; i < 20; i++) {
            expect(201, api.post(COORD_PE, path, nominee("W" + i, "w" + i + "@example.org")));
        }
        List<JsonObject> before = roster(edition, "PE");
        List<Integer> seatedIds = withStatus(before, "NOMINATED").stream().map(p -> p.getInt("id")).toList();
        List<Integer> firstWaiting = withStatus(before, "WAITLISTED").stream().limit(3).map(p -> p.getInt("id")).toList();

        // At once: the five seated withdraw, the first three waitlisted withdraw, and new people are proposed.
        List<Callable<Api.Reply>> work = new ArrayList<>();
        for (int id : seatedIds) {
            work.add(() -> api.post(COORD_PE, "/editions/" + edition + "/participants/" + id + "/withdraw", "{}"));
        }
        for (int id : firstWaiting) {
            work.add(() -> api.post(COORD_PE, "/editions/" + edition + "/participants/" + id + "/withdraw", "{}"));
        }
        for (int i = 0; i < 10; i++) {
            int n = i;
            work.add(() -> api.post(COORD_PE, path, nominee("Late" + n, "late" + n + "@example.org")));
        }
        assertThat(runTogether(work)).allSatisfy(reply -> assertThat(reply.status()).as(reply.toString()).isIn(200, 201));

        List<JsonObject> after = roster(edition, "PE");
        assertThat(withStatus(after, "NOMINATED")).hasSize(5);
        assertThat(withStatus(after, "WITHDRAWN")).hasSize(8);
        // Whoever holds a seat now ranks before everyone still waiting (rank, then arrival).
        int lastSeatedRank = withStatus(after, "NOMINATED").stream().mapToInt(p -> p.getInt("rank")).max().orElseThrow();
        assertThat(withStatus(after, "WAITLISTED")).allSatisfy(p -> assertThat(p.getInt("rank")).isGreaterThan(lastSeatedRank));

        // A quota raise racing more withdrawals still never holds more seats than the quota.
        List<Callable<Api.Reply>> more = new ArrayList<>();
        more.add(() -> api.put(LEADER, "/editions/" + edition + "/agreements/PE", "{\"quota\":8}"));
        withStatus(after, "NOMINATED").stream().limit(2).forEach(p -> more.add(() ->
                api.post(COORD_PE, "/editions/" + edition + "/participants/" + p.getInt("id") + "/withdraw", "{}")));
        assertThat(runTogether(more)).allSatisfy(reply -> assertThat(reply.status()).as(reply.toString()).isEqualTo(200));
        assertThat(countInDatabase(edition, "PE", "NOMINATED")).isEqualTo(8);
    }

    @Test
    void theSamePersonProposedByTwoStatesAtOnceIsNominatedOnce() throws Exception {
        String edition = "DB-TWICE";
        api.openEdition(LEADER, edition, "PE=10", "CL=10");

        List<Api.Reply> replies = concurrently(10, i -> api.post(i % 2 == 0 ? COORD_PE : COORD_CL,
                "/editions/" + edition + "/agreements/" + (i % 2 == 0 ? "PE" : "CL") + "/nominations",
                nominee("Twin", "same.person@example.org")));

        assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() == 422)
                .hasSize(9)
                .allSatisfy(r -> assertThat(r.json().getString("code")).isEqualTo("duplicate-person"));
        assertThat(countInDatabase(edition, "PE", null) + countInDatabase(edition, "CL", null)).isEqualTo(1);
    }

    private interface Request {
        Api.Reply send(int i);
    }

    private static List<Api.Reply> concurrently(int count, Request request) throws Exception {
        List<Callable<Api.Reply>> work = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            work.add(() -> request.send(n));
        }
        return runTogether(work);
    }

    /** Starts every call at the same instant from its own thread. */
    private static List<Api.Reply> runTogether(List<Callable<Api.Reply>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Reply>> futures = new ArrayList<>();
            for (Callable<Api.Reply> call : work) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<JsonObject> roster(String edition, String state) {
        return expect(200, api.get(LEADER, "/editions/" + edition + "/agreements/" + state + "/nominations")).json()
                .getJsonArray("participants").getValuesAs(JsonObject.class);
    }

    private static List<JsonObject> withStatus(List<JsonObject> roster, String status) {
        return roster.stream().filter(p -> p.getString("status").equals(status)).toList();
    }

    private static int countInDatabase(String edition, String state, String status) throws SQLException {
        String sql = "select count(*) from participant p join edition e on e.id = p.edition_id"
                + " where e.code = ? and p.state_code = ?" + (status == null ? "" : " and p.status = ?");
        try (Connection connection = MariaDbDatabase.connect(); var query = connection.prepareStatement(sql)) {
            query.setString(1, edition);
            query.setString(2, state);
            if (status != null) {
                query.setString(3, status);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
