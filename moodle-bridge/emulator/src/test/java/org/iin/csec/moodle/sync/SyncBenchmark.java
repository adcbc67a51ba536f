package org.iin.csec.moodle.sync;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.iin.csec.moodle.Enrolment;
import org.iin.csec.moodle.GroupMember;
import org.iin.csec.moodle.MoodleClient;
import org.iin.csec.moodle.MoodleException;
import org.iin.csec.moodle.MoodleGroup;
import org.iin.csec.moodle.MoodleUser;
import org.iin.csec.moodle.NewGroup;
import org.iin.csec.moodle.NewUser;
import org.iin.csec.moodle.UserField;
import org.iin.csec.moodle.emulator.MoodleEmulator;

/**
 * The product's benchmark, not a test: syncs 1,750 new learners (35 states x 50) into one course of the emulator with
 * 30 ms added to every call, once with {@link EnrolmentSync} and once the naive way (one call per learner and step),
 * and prints the HTTP calls and wall time of each. Run it with {@code moodle-bridge/emulator/bench.sh}.
 *
 * <p>Options: {@code --latency-ms N} (default 30), {@code --per-state N} (default 50), {@code --states N} (max 35).
 */
public final class SyncBenchmark {

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = new HashMap<>(Map.of("--latency-ms", 30, "--per-state", 50, "--states", 35));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException("Unknown option " + args[i] + "; known: " + options.keySet());
            }
            options.put(args[i], Integer.parseInt(args[i + 1]));
        }
        Duration latency = Duration.ofMillis(options.get("--latency-ms"));
        int states = Math.min(35, options.get("--states"));
        int perState = options.get("--per-state");
        int learners = states * perState;
        System.out.printf(Locale.ROOT, "Syncing %d new learners (%d states x %d) into one course, %d ms per call%n%n",
                learners, states, perState, latency.toMillis());

        Run batched = run("EnrolmentSync (batched)", latency, states, perState, SyncBenchmark::batched);
        Run naive = run("one call per learner and step", latency, states, perState, SyncBenchmark::naive);

        int budget = (int) Math.ceil(learners / 100.0) * 2 + states;
        System.out.printf(Locale.ROOT, "%nBudget: ceil(%d/100) x 2 + %d = %d calls + a few; batched used %d.%n",
                learners, states, budget, batched.calls);
        System.out.printf(Locale.ROOT, "Naive / batched: %.1fx the calls, %.1fx the wall time.%n",
                (double) naive.calls / batched.calls, (double) naive.millis / batched.millis);
    }

    private interface Strategy {
        void sync(MoodleClient client, List<LearnerEnrolment> learners, long course) throws MoodleException;
    }

    private record Run(int calls, long millis) {
    }

    private static Run run(String name, Duration latency, int states, int perState, Strategy strategy)
            throws MoodleException {
        try (MoodleEmulator moodle = MoodleEmulator.builder().latency(latency).start();
                MoodleClient client = new MoodleClient.Builder().baseUrl(moodle.baseUrl()).token(moodle.token())
                        .build()) {
            long course = moodle.createCourse("CSEC-101", "CSEC semi-distance course", "CSEC-101-2026");
            List<LearnerEnrolment> learners = Learners.cohort(states, perState, course);
            int usersBefore = moodle.userCount();
            long started = System.nanoTime();
            strategy.sync(client, learners, course);
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (moodle.userCount() != usersBefore + learners.size()
                    || moodle.enrolledUserIds(course).size() != learners.size()
                    || moodle.groupNames(course).size() != states) {
                throw new IllegalStateException(name + " did not sync every learner");
            }
            System.out.printf(Locale.ROOT, "%-32s %6d HTTP calls %9.1f s   %s%n", name, moodle.totalCallCount(),
                    millis / 1000.0, new TreeMap<>(moodle.callCounts()));
            return new Run(moodle.totalCallCount(), millis);
        }
    }

    private static void batched(MoodleClient client, List<LearnerEnrolment> learners, long course) {
        EnrolmentSyncResult result = new EnrolmentSync(client).enrol(learners);
        if (!result.allSucceeded()) {
            throw new IllegalStateException(result.failures().get(0).failure());
        }
    }

    /** Look up, create, enrol and group each learner on their own; each state's group made once. */
    private static void naive(MoodleClient client, List<LearnerEnrolment> learners, long course)
            throws MoodleException {
        Map<String, Long> groups = new HashMap<>();
        for (MoodleGroup g : client.getCourseGroups(course)) {
            groups.put(g.name(), g.id());
        }
        for (LearnerEnrolment l : learners) {
            if (!groups.containsKey(l.groupName())) {
                groups.put(l.groupName(), client.createGroups(List.of(new NewGroup(course, l.groupName(), "", null)))
                        .get(0).id());
            }
            List<MoodleUser> found = client.getUsersByField(UserField.IDNUMBER, List.of(l.participantId()));
            long userId = found.isEmpty()
                    ? client.createUsers(List.of(NewUser.learner(Usernames.forLearner(l.firstName(), l.lastName(),
                            l.participantId()), l.firstName(), l.lastName(), l.email(), l.participantId(),
                            l.countryCode()))).succeeded().get(0).id()
                    : found.get(0).id();
            client.enrolUsers(List.of(Enrolment.student(userId, course, l.timeStart(), l.timeEnd())));
            client.addGroupMembers(List.of(new GroupMember(groups.get(l.groupName()), userId)));
        }
    }
}
