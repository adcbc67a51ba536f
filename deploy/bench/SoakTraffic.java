import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Traffic of the soak run (run by soak.sh, not a test): for DURATION seconds, a few clients behave like the people
 * of DESIGN §1 against one instance. State coordinators sign in (or use Basic), nominate one at a time, import
 * small CSV files (dry run, then save), read their seats; the course leader accepts nominations (so Moodle
 * enrolments flow to the emulated Moodle), lists participants, reads the report, the audit log and the Moodle
 * sync; the public looks up certificates; monitoring reads health and metrics. Some requests are wrong on
 * purpose (bad e-mail, another state's data, wrong passwords): their expected 4xx is a correct answer.
 * An error is any other answer, a timeout or a broken connection. Every 30 s it samples the server's memory
 * (RSS, the heap kept after a full GC and the JDBC statements alive, through jcmd). After the traffic it checks
 * that nothing was lost or doubled: every proposed candidate is in its state's list, every accepted one reached
 * Moodle.
 * Usage: java SoakTraffic.java BASE_URL ADMIN_PASSWORD PAYARA_PID DURATION_SECONDS
 * Options (-Dname=value): coordinators (8), publicClients (3), thinkMs (150, mean pause between one client's
 * requests), candidatesPerState (80: beyond it a coordinator withdraws a waitlisted candidate before proposing
 * another), sampleSeconds (30).
 */
public class SoakTraffic {

    static final String[] CODES = {"AR", "BO", "BR", "CL", "CO", "CR", "CU", "DO", "EC", "SV", "GT", "HN", "MX", "NI",
            "PA", "PY", "PE", "UY", "VE", "US", "CA", "JM", "TT", "BS", "BB", "BZ", "GY", "SR", "HT", "AG", "DM", "GD",
            "KN", "LC", "VC"};
    static final String EDITION = "SOAK", PASSWORD = "soak-password-1234", JSON = "application/json";
    static final int QUOTA = 50, COORDINATORS = Integer.getInteger("coordinators", 8),
            PUBLIC_CLIENTS = Integer.getInteger("publicClients", 3), THINK_MS = Integer.getInteger("thinkMs", 150),
            CAP = Integer.getInteger("candidatesPerState", 80), SAMPLE_SECONDS = Integer.getInteger("sampleSeconds", 30);
    /** The emulated Moodle's course (id 1 is Moodle's front page, as in a real site). */
    static final long MOODLE_COURSE = 2;
    static final String CODE_SYMBOLS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static String root, course, certificates;
    static volatile long deadline;

    // What the clients did, to compare with what the service holds at the end.
    static final AtomicInteger[] PROPOSED = counters(), WITHDRAWN = counters();
    static final AtomicInteger ACCEPTED = new AtomicInteger();
    /** Participant ids with their state, for asking about another state's participant. */
    static final List<long[]> KNOWN = Collections.synchronizedList(new ArrayList<>());

    public static void main(String[] args) throws Exception {
        root = args[0];
        course = root + "/course/api/v1";
        certificates = root + "/certificates/api/v1";
        String admin = basic("admin", args[1]);
        long pid = Long.parseLong(args[2]);
        int seconds = Integer.parseInt(args[3]);

        setUp(admin);
        Memory memory = new Memory(pid);
        memory.sample("start");
        System.out.printf("set-up done: edition %s, %d states x %d seats; %d coordinator clients, 1 course leader, "
                + "%d public/monitoring clients, about %d ms between one client's requests; %d s of traffic%n",
                EDITION, CODES.length, QUOTA, COORDINATORS, PUBLIC_CLIENTS, THINK_MS, seconds);

        long cpuBefore = memory.cpuMillis();
        long start = System.nanoTime();
        deadline = start + seconds * 1_000_000_000L;
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < COORDINATORS; c++) {
            List<Desk> desks = new ArrayList<>();
            for (int s = c; s < CODES.length; s += COORDINATORS) {
                desks.add(new Desk(s));
            }
            clients.add(client("coordinator-" + c, () -> coordinator(desks)));
        }
        clients.add(client("leader", SoakTraffic::leader));
        for (int p = 0; p < PUBLIC_CLIENTS; p++) {
            clients.add(client("public-" + p, SoakTraffic::publicVisitor));
        }
        clients.forEach(Thread::start);
        for (int at = SAMPLE_SECONDS; start + at * 1_000_000_000L < deadline; at += SAMPLE_SECONDS) {
            Thread.sleep(Math.max(0, start + at * 1_000_000_000L - System.nanoTime()) / 1_000_000);
            memory.sample(String.valueOf(at));
        }
        for (Thread t : clients) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpu = memory.cpuMillis() - cpuBefore;
        memory.sample(String.valueOf(Math.round(elapsed)));

        endChecks(basic("soak.leader", PASSWORD));
        report(elapsed);
        // jcmd's samples (a full GC and a heap walk every 30 s) are in this figure too.
        System.out.printf("server CPU during the traffic: %.0f s = %.0f%% of the machine's %d cores, %.1f ms per request%n",
                cpu / 1000.0, cpu / 10.0 / elapsed / Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors(), (double) cpu / Math.max(1, Stats.count()));
        memory.print();
        System.exit(Stats.ERRORS.get() == 0 ? 0 : 1);
    }

    // ---------------------------------------------------------------- set-up

    static void setUp(String admin) {
        String leader = basic("soak.leader", PASSWORD);
        expect("set-up", 201, post(course + "/accounts", admin, account("soak.leader", "COURSE_LEADER", null)));
        expect("set-up", 201, post(course + "/editions", leader, "{\"code\":\"" + EDITION + "\",\"title\":\"Soak\","
                + "\"language\":\"es\",\"moodleCourseId\":" + MOODLE_COURSE + ",\"onlineStageStart\":\"2027-03-01\","
                + "\"onlineStageEnd\":\"2027-05-31\",\"courseHours\":120}"));
        for (String state : CODES) {
            expect("set-up", 201, post(course + "/accounts", admin,
                    account(coordinatorOf(state), "STATE_COORDINATOR", state)));
            expect("set-up", 200, send("PUT", course + "/editions/" + EDITION + "/agreements/" + state, leader, JSON,
                    "{\"quota\":" + QUOTA + "}"));
        }
        expect("set-up", 200, send("PATCH", course + "/editions/" + EDITION, leader, JSON,
                "{\"status\":\"NOMINATIONS_OPEN\"}"));
        Answer moodle = expect("set-up", 200, get(course + "/moodle/connection", leader, JSON));
        if (!Boolean.TRUE.equals(((Map<?, ?>) Json.parse(moodle.body)).get("ok"))) {
            throw new IllegalStateException("the emulated Moodle is not usable: " + moodle.body);
        }
        Stats.KINDS.clear(); // set-up requests are not part of the figures
    }

    // ---------------------------------------------------------------- coordinators

    /** One state's desk: the coordinator's account for it, their session, and what was proposed there. */
    static final class Desk {
        final int index;
        final String state, user;
        String token;
        int actions, sequence;
        String lastEmail;

        Desk(int index) {
            this.index = index;
            this.state = CODES[index];
            this.user = coordinatorOf(state);
        }

        String base() {
            return course + "/editions/" + EDITION + "/agreements/" + state;
        }

        /** Pages use the session's token; scripts use Basic. */
        String auth() {
            return ThreadLocalRandom.current().nextInt(4) == 0 ? basic(user, PASSWORD) : "Bearer " + token;
        }
    }

    static void coordinator(List<Desk> desks) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running()) {
            Desk d = desks.get(random.nextInt(desks.size()));
            if (d.token == null || d.actions >= 30) {
                signInAgain(d);
            }
            d.actions++;
            switch (pick(new int[]{15, 20, 6, 6, 6, 5, 5, 4, 2, 2, 2, 1, 2, 1, 1, 1, 1, 1})) {
                case 0 -> roster(d);
                case 1 -> nominate(d);
                case 2 -> importCsv(d);
                case 3 -> timed("participants of own state", 200, get(course + "/editions/" + EDITION
                        + "/participants?status=" + (random.nextBoolean() ? "NOMINATED" : "ENROLLED"), d.auth(), JSON));
                case 4 -> timed("agreement", 200, get(d.base(), d.auth(), JSON));
                case 5 -> timed("me", 200, get(course + "/me", d.auth(), JSON));
                case 6 -> timed("report of own state", 200, get(course + "/editions/" + EDITION + "/report", d.auth(), JSON));
                case 7 -> timed("certificates of own state", 200,
                        get(certificates + "/certificates?edition=" + EDITION, d.auth(), JSON));
                case 8 -> timed("csv template", 200, get(course + "/templates/nominations.csv", d.auth(), "text/csv"));
                case 9 -> timed("bad: invalid e-mail", 400, post(d.base() + "/nominations", d.auth(),
                        nominee("Ana", "Sin Correo", "ana.sin-correo.example.org", null)));
                case 10 -> timed("bad: another state's list", 403,
                        get(course + "/editions/" + EDITION + "/agreements/" + otherState(d) + "/nominations", d.auth(), JSON));
                case 11 -> timed("bad: nominate for another state", 403, post(course + "/editions/" + EDITION
                        + "/agreements/" + otherState(d) + "/nominations", d.auth(), freshNominee(d)));
                case 12 -> {
                    if (d.lastEmail != null) {
                        timed("bad: same person twice", 422, post(d.base() + "/nominations", d.auth(),
                                nominee("Otra", "Vez", d.lastEmail, null)));
                    }
                }
                case 13 -> timed("bad: csv with a wrong row (dry run)", 422, send("POST", d.base() + "/nominations?dryRun=true",
                        d.auth(), "text/csv", csv(d, 2) + "Sin,Correo,no-es-un-correo,,,\r\n"));
                case 14 -> otherParticipant(d);
                case 15 -> timed("bad: another state's certificates", 403, get(certificates + "/certificates?edition="
                        + EDITION + "&state=" + otherState(d), d.auth(), JSON));
                case 16 -> timed("bad: wrong password (Basic)", 401, get(course + "/me", basic(d.user, "wrong-" + PASSWORD), JSON));
                default -> timed("bad: unknown session token", 401, get(course + "/me", "Bearer not-a-session-" + d.sequence, JSON));
            }
            think();
        }
        for (Desk d : desks) {
            if (d.token != null) {
                timed("sign-out", 204, send("DELETE", course + "/sessions/current", "Bearer " + d.token, null, null));
            }
        }
    }

    /** Sessions end (sign-out) and start again; now and then a mistyped password first. */
    static void signInAgain(Desk d) {
        if (d.token != null) {
            String ended = d.token;
            timed("sign-out", 204, send("DELETE", course + "/sessions/current", "Bearer " + ended, null, null));
            timed("bad: ended session", 401, get(course + "/me", "Bearer " + ended, JSON));
            d.token = null;
        }
        if (ThreadLocalRandom.current().nextInt(5) == 0) {
            timed("bad: sign-in, wrong password", 401, post(course + "/sessions", null,
                    "{\"username\":\"" + d.user + "\",\"password\":\"" + PASSWORD + "x\"}"));
        }
        Answer a = timed("sign-in", 201, post(course + "/sessions", null,
                "{\"username\":\"" + d.user + "\",\"password\":\"" + PASSWORD + "\"}"));
        if (a != null && a.status == 201) {
            d.token = (String) ((Map<?, ?>) Json.parse(a.body)).get("token");
        }
        d.actions = 0;
    }

    static List<?> roster(Desk d) {
        Answer a = timed("roster", 200, get(d.base() + "/nominations", d.auth(), JSON));
        return a == null || a.status != 200 ? null : (List<?>) ((Map<?, ?>) Json.parse(a.body)).get("participants");
    }

    static void nominate(Desk d) {
        if (PROPOSED[d.index].get() - WITHDRAWN[d.index].get() >= CAP) {
            withdrawLastWaitlisted(d);
        }
        String nominee = freshNominee(d);
        Answer a = timed("nominate", 201, post(d.base() + "/nominations", d.auth(), nominee));
        if (a != null && a.status == 201) {
            PROPOSED[d.index].incrementAndGet();
            Map<?, ?> participant = (Map<?, ?>) Json.parse(a.body);
            d.lastEmail = (String) participant.get("email");
            known(((Number) participant.get("id")).longValue(), d.index);
        }
    }

    /** Keeps a state's live candidates near the cap: the last of the waitlist steps back. */
    static void withdrawLastWaitlisted(Desk d) {
        List<?> participants = roster(d);
        if (participants == null) {
            return;
        }
        Map<?, ?> last = null;
        for (Object o : participants) {
            Map<?, ?> p = (Map<?, ?>) o;
            if ("WAITLISTED".equals(p.get("status"))) {
                last = p;
            }
        }
        if (last == null) {
            return;
        }
        Answer a = timed("withdraw", 200, post(course + "/editions/" + EDITION + "/participants/"
                + ((Number) last.get("id")).longValue() + "/withdraw", d.auth(), "{\"reason\":\"Declined the seat\"}"));
        if (a != null && a.status == 200) {
            WITHDRAWN[d.index].incrementAndGet();
        }
    }

    static void importCsv(Desk d) {
        int rows = 2 + ThreadLocalRandom.current().nextInt(4);
        if (PROPOSED[d.index].get() - WITHDRAWN[d.index].get() + rows > CAP) {
            withdrawLastWaitlisted(d);
            return;
        }
        String file = csv(d, rows);
        String auth = d.auth();
        Answer dry = timed("csv dry run", 200, send("POST", d.base() + "/nominations?dryRun=true", auth, "text/csv", file));
        if (dry == null || dry.status != 200) {
            return;
        }
        Answer saved = timed("csv import", 201, send("POST", d.base() + "/nominations", auth, "text/csv", file));
        if (saved != null && saved.status == 201) {
            Map<?, ?> view = (Map<?, ?>) Json.parse(saved.body);
            for (Object row : (List<?>) view.get("report")) {
                PROPOSED[d.index].incrementAndGet();
                known(((Number) ((Map<?, ?>) row).get("participantId")).longValue(), d.index);
            }
            if (((Number) view.get("rows")).intValue() != rows) {
                Stats.error("csv import", "imported " + view.get("rows") + " rows of " + rows);
            }
        }
    }

    /** A participant of another state is not found for a coordinator: its existence is not theirs to know. */
    static void otherParticipant(Desk d) {
        long[] other = null;
        synchronized (KNOWN) {
            for (int tries = 0; tries < 10 && !KNOWN.isEmpty(); tries++) {
                long[] candidate = KNOWN.get(ThreadLocalRandom.current().nextInt(KNOWN.size()));
                if (candidate[1] != d.index) {
                    other = candidate;
                    break;
                }
            }
        }
        if (other != null) {
            timed("bad: another state's participant", 404,
                    get(course + "/editions/" + EDITION + "/participants/" + other[0], d.auth(), JSON));
        }
    }

    static String freshNominee(Desk d) {
        int n = ++d.sequence;
        return nominee("José María", "Peña " + d.state + n, "p" + n + "." + d.state.toLowerCase(Locale.ROOT)
                + "@soak.example.org", d.state + "-" + n);
    }

    static String csv(Desk d, int rows) {
        StringBuilder file = new StringBuilder("first_name,last_name,email,identity_document,position,institution\r\n");
        for (int i = 0; i < rows; i++) {
            int n = ++d.sequence;
            file.append("Lucía,Núñez ").append(d.state).append(n).append(",l").append(n).append('.')
                    .append(d.state.toLowerCase(Locale.ROOT)).append("@soak.example.org,").append(d.state).append('-')
                    .append(n).append(",Trabajadora social,\"Ministerio de Desarrollo Social, ").append(d.state)
                    .append("\"\r\n");
        }
        return file.toString();
    }

    // ---------------------------------------------------------------- course leader

    static void leader() {
        String token = null;
        long acceptedOnce = -1;
        int actions = 0;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String edition = course + "/editions/" + EDITION;
        while (running()) {
            if (token == null || actions++ >= 60) {
                if (token != null) {
                    timed("sign-out", 204, send("DELETE", course + "/sessions/current", "Bearer " + token, null, null));
                }
                Answer a = timed("sign-in", 201, post(course + "/sessions", null,
                        "{\"username\":\"soak.leader\",\"password\":\"" + PASSWORD + "\"}"));
                token = a != null && a.status == 201 ? (String) ((Map<?, ?>) Json.parse(a.body)).get("token") : null;
                actions = 0;
            }
            String auth = token == null || random.nextInt(4) == 0 ? basic("soak.leader", PASSWORD) : "Bearer " + token;
            switch (pick(new int[]{20, 3, 10, 8, 5, 6, 8, 3, 2, 4, 5, 4, 1})) {
                case 0 -> {
                    Answer a = timed("participants by status", 200, get(edition + "/participants?status=NOMINATED", auth, JSON));
                    if (a != null && a.status == 200) {
                        List<Object> nominated = new ArrayList<>((List<?>) Json.parse(a.body));
                        Collections.shuffle(nominated);
                        for (Object p : nominated.subList(0, Math.min(3, nominated.size()))) {
                            long id = ((Number) ((Map<?, ?>) p).get("id")).longValue();
                            Answer accepted = timed("accept", 200, post(edition + "/participants/" + id + "/accept", auth, ""));
                            if (accepted != null && accepted.status == 200) {
                                ACCEPTED.incrementAndGet();
                                acceptedOnce = id;
                            }
                        }
                    }
                }
                case 1 -> timed("participants, all", 200, get(edition + "/participants", auth, JSON));
                case 2 -> timed("participants by state and status", 200, get(edition + "/participants?state="
                        + CODES[random.nextInt(CODES.length)] + "&status=" + (random.nextBoolean() ? "WAITLISTED" : "ENROLLED"), auth, JSON));
                case 3 -> timed("report (JSON)", 200, get(edition + "/report", auth, JSON));
                case 4 -> {
                    Answer a = timed("report (CSV)", 200, get(edition + "/report", auth, "text/csv"));
                    if (a != null && a.status == 200 && !a.type.startsWith("text/csv")) {
                        Stats.error("report (CSV)", "answered " + a.type);
                    }
                }
                case 5 -> timed("audit log", 200, get(course + "/audit?edition=" + EDITION + "&limit=100", auth, JSON));
                case 6 -> timed("moodle-sync state", 200, get(edition + "/moodle-sync", auth, JSON));
                case 7 -> timed("moodle-sync now", 200, post(edition + "/moodle-sync", auth, ""));
                case 8 -> timed("moodle connection", 200, get(course + "/moodle/connection", auth, JSON));
                case 9 -> timed("editions", 200, get(course + "/editions", auth, JSON));
                case 10 -> timed("agreements", 200, get(edition + "/agreements", auth, JSON));
                case 11 -> timed("certificates of the edition", 200, get(certificates + "/certificates?edition=" + EDITION, auth, JSON));
                default -> {
                    if (acceptedOnce > 0) {
                        timed("bad: accept twice", 422, post(edition + "/participants/" + acceptedOnce + "/accept", auth, ""));
                    }
                }
            }
            think();
        }
        if (token != null) {
            timed("sign-out", 204, send("DELETE", course + "/sessions/current", "Bearer " + token, null, null));
        }
    }

    // ---------------------------------------------------------------- the public and monitoring

    static void publicVisitor() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running()) {
            switch (pick(new int[]{25, 15, 5, 5, 2, 10, 5, 8, 1, 1, 2})) {
                case 0 -> timed("verify (JSON), unknown code", 404, get(root + "/certificates/verify/" + randomCode(), null, JSON));
                case 1 -> {
                    Answer a = timed("verify (page), unknown code", 404, get(root + "/certificates/verify/" + randomCode(), null,
                            "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"));
                    if (a != null && a.status == 404 && !a.type.startsWith("text/html")) {
                        Stats.error("verify (page), unknown code", "answered " + a.type);
                    }
                }
                case 2 -> timed("verify form", 200, get(root + "/certificates/verify/", null, "text/html"));
                case 3 -> timed("verify form, typed code", 303, get(root + "/certificates/verify/?code="
                        + URLEncoder.encode(randomCode().toLowerCase(Locale.ROOT).replace("-", " "), StandardCharsets.UTF_8), null, "text/html"));
                case 4 -> timed("bad: verify form, not a code", 400, get(root + "/certificates/verify/?code=not-a-code", null, "text/html"));
                case 5 -> timed("health (ready)", 200, get(root + "/health/ready", null, JSON));
                case 6 -> timed("health (live)", 200, get(root + "/health/live", null, JSON));
                case 7 -> timed("metrics", 200, get(root + "/metrics", null, "text/plain"));
                case 8 -> timed("openapi", 200, get(root + "/openapi", null, JSON));
                case 9 -> guessPasswords(random);
                default -> timed("bad: unknown user (Basic)", 401,
                        get(course + "/me", basic("nobody-" + random.nextInt(1_000_000), "guess"), JSON));
            }
            think();
        }
    }

    /** Someone guessing one user name's password: five wrong answers, then the name is refused for a while. */
    static void guessPasswords(ThreadLocalRandom random) {
        String name = "guess-" + Long.toHexString(random.nextLong());
        String body = "{\"username\":\"" + name + "\",\"password\":\"guess-1234\"}";
        for (int i = 0; i < 5; i++) {
            timed("bad: password guess", 401, post(course + "/sessions", null, body));
        }
        timed("bad: password guess, throttled", 429, post(course + "/sessions", null, body));
    }

    static String randomCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(CODE_SYMBOLS.charAt(ThreadLocalRandom.current().nextInt(CODE_SYMBOLS.length())));
        }
        return code.toString();
    }

    // ---------------------------------------------------------------- after the traffic

    /** Nothing lost, nothing doubled: each state's list holds what its coordinator proposed; accepted means in Moodle. */
    static void endChecks(String leader) throws InterruptedException {
        String edition = course + "/editions/" + EDITION;
        long waitUntil = System.nanoTime() + 90_000_000_000L;
        long pending;
        Map<?, ?> sync;
        do {
            post(edition + "/moodle-sync", leader, "");
            sync = (Map<?, ?>) Json.parse(expect("end check", 200, get(edition + "/moodle-sync", leader, JSON)).body);
            Map<?, ?> enrol = (Map<?, ?>) ((Map<?, ?>) sync.get("counts")).get("MOODLE_ENROL");
            pending = enrol == null || enrol.get("PENDING") == null ? 0 : ((Number) enrol.get("PENDING")).longValue();
            if (pending > 0) {
                Thread.sleep(2000);
            }
        } while (pending > 0 && System.nanoTime() < waitUntil);
        int enrolled = ((List<?>) Json.parse(expect("end check", 200, get(edition + "/participants?status=ENROLLED", leader, JSON)).body)).size();
        int stillAccepted = ((List<?>) Json.parse(expect("end check", 200, get(edition + "/participants?status=ACCEPTED", leader, JSON)).body)).size();
        System.out.printf("%nafter the traffic: %d accepted by the course leader, %d enrolled in the emulated Moodle, "
                + "%d still waiting; Moodle work: %s, failures: %d%n", ACCEPTED.get(), enrolled, stillAccepted,
                sync.get("counts"), ((List<?>) sync.get("failures")).size());
        if (enrolled != ACCEPTED.get() || stillAccepted != 0 || !((List<?>) sync.get("failures")).isEmpty()) {
            Stats.error("end check", ACCEPTED.get() + " accepted, but " + enrolled + " enrolled in Moodle, "
                    + stillAccepted + " waiting, failures " + sync.get("failures"));
        }
        int proposed = 0, listed = 0, withdrawn = 0;
        for (int s = 0; s < CODES.length; s++) {
            List<?> participants = (List<?>) ((Map<?, ?>) Json.parse(expect("end check", 200,
                    get(edition + "/agreements/" + CODES[s] + "/nominations", leader, JSON)).body)).get("participants");
            long gone = participants.stream().filter(p -> "WITHDRAWN".equals(((Map<?, ?>) p).get("status"))).count();
            proposed += PROPOSED[s].get();
            withdrawn += WITHDRAWN[s].get();
            listed += participants.size();
            if (participants.size() != PROPOSED[s].get() || gone != WITHDRAWN[s].get()) {
                Stats.error("end check", CODES[s] + ": proposed " + PROPOSED[s] + ", withdrawn " + WITHDRAWN[s]
                        + ", but the list holds " + participants.size() + ", " + gone + " withdrawn");
            }
        }
        System.out.printf("candidates: %d proposed, %d listed by their states (%d withdrawn to keep each state near %d)%n",
                proposed, listed, withdrawn, CAP);
    }

    static void report(double seconds) {
        List<Long> all = new ArrayList<>();
        long total = 0;
        System.out.printf("%n%-40s %7s %6s %8s %8s %8s %8s%n", "requests (latency in ms)", "count", "errors", "p50", "p90", "p99", "max");
        List<Stats> kinds = new ArrayList<>(Stats.KINDS.values());
        kinds.sort((a, b) -> Integer.compare(b.nanos.size(), a.nanos.size()));
        for (Stats k : kinds) {
            List<Long> sorted = new ArrayList<>(k.nanos);
            Collections.sort(sorted);
            all.addAll(sorted);
            total += sorted.size();
            if (!sorted.isEmpty()) {
                System.out.printf("%-40s %7d %6d %8.1f %8.1f %8.1f %8.1f%n", k.name, sorted.size(), k.errors,
                        pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
            }
        }
        Collections.sort(all);
        if (!all.isEmpty()) {
            System.out.printf("%-40s %7d %6d %8.1f %8.1f %8.1f %8.1f%n", "all", total, Stats.ERRORS.get(),
                    pct(all, 50), pct(all, 90), pct(all, 99), all.get(all.size() - 1) / 1e6);
        }
        System.out.printf("%d requests in %.0f s = %.1f per second; errors: %d%n", total, seconds, total / seconds,
                Stats.ERRORS.get());
        for (String e : Stats.FIRST_ERRORS) {
            System.out.println("  error: " + e);
        }
    }

    // ---------------------------------------------------------------- memory

    /**
     * RSS of the server, and the objects its heap keeps: the class histogram's total, taken with a full GC in the same
     * pause (a separate GC.run then GC.heap_info would count whatever the traffic allocated in between).
     */
    static final class Memory {
        static final Pattern HISTOGRAM_ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)", Pattern.MULTILINE);
        final long pid;
        final String jcmd;
        final List<String[]> samples = new ArrayList<>();
        final List<Map<String, Long>> histograms = new ArrayList<>(), instances = new ArrayList<>();

        Memory(long pid) {
            this.pid = pid;
            Path beside = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            this.jcmd = Files.isExecutable(beside) ? beside.toString() : "jcmd";
        }

        void sample(String label) {
            try {
                String histogram = run("GC.class_histogram");
                Map<String, Long> bytesByClass = new java.util.HashMap<>(), objectsByClass = new java.util.HashMap<>();
                long live = 0;
                Matcher row = HISTOGRAM_ROW.matcher(histogram);
                while (row.find()) {
                    long bytes = Long.parseLong(row.group(2));
                    bytesByClass.merge(row.group(3), bytes, Long::sum);
                    objectsByClass.merge(row.group(3), Long.parseLong(row.group(1)), Long::sum);
                    live += bytes;
                }
                Matcher meta = Pattern.compile("Metaspace\\s+used (\\d+)K").matcher(run("GC.heap_info"));
                long metaspace = meta.find() ? Long.parseLong(meta.group(1)) : 0;
                long rss = 0;
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rss = Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
                // Statements the JDBC driver still holds: each one closed is released, so a steady rise is a leak.
                long statements = objectsByClass.entrySet().stream()
                        .filter(e -> e.getKey().matches("com\\.mysql\\.cj\\.jdbc\\.(StatementImpl|ClientPreparedStatement|ServerPreparedStatement|CallableStatement)"))
                        .mapToLong(Map.Entry::getValue).sum();
                String[] s = {label, String.format("%.0f", rss / 1024.0), String.format("%.1f", live / 1048576.0),
                        String.format("%.1f", metaspace / 1024.0), String.valueOf(statements)};
                samples.add(s);
                histograms.add(bytesByClass);
                instances.add(objectsByClass);
                System.out.printf("memory at %s s: RSS %s MB, heap kept after full GC %s MB, metaspace %s MB, "
                        + "JDBC statements alive %s; %d requests so far, %d errors%n", s[0], s[1], s[2], s[3], s[4],
                        Stats.count(), Stats.ERRORS.get());
            } catch (IOException | InterruptedException | RuntimeException e) {
                System.out.println("memory at " + label + " s: not sampled (" + e + ")");
            }
        }

        /** User and system CPU time of the server so far, from /proc (clock ticks of 10 ms). */
        long cpuMillis() throws IOException {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        }

        String run(String command) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(jcmd, String.valueOf(pid), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException("jcmd " + command + ": " + out.trim());
            }
            return out;
        }

        /**
         * The trend: the heap kept after GC in the first samples of traffic against the last ones, and the slope over
         * all of them. The sample at the start precedes all traffic, and the first one under traffic still includes
         * the warm-up (classes loaded, code compiled, pools filled): neither is the baseline.
         */
        void print() {
            System.out.printf("%nmemory of the server (every %d s; heap = objects the Java heap keeps after a full GC)%n", SAMPLE_SECONDS);
            System.out.printf("%8s %8s %8s %13s %16s%n", "at s", "RSS MB", "heap MB", "metaspace MB", "JDBC statements");
            for (String[] s : samples) {
                System.out.printf("%8s %8s %8s %13s %16s%n", (Object[]) s);
            }
            List<String[]> warm = samples.size() >= 5 ? samples.subList(2, samples.size()) : List.of();
            if (warm.size() < 3) {
                System.out.println("verdict: too few samples for a trend (run longer)");
                return;
            }
            int n = Math.max(1, warm.size() / 3);
            double first = mean(warm.subList(0, n)), last = mean(warm.subList(warm.size() - n, warm.size()));
            double rssFirst = Double.parseDouble(warm.get(0)[1]), rssLast = Double.parseDouble(warm.get(warm.size() - 1)[1]);
            boolean flat = last <= first * 1.10 + 5;
            System.out.printf("verdict: heap kept after GC %.1f MB in the first %d sample(s) after warm-up, %.1f MB in the last %d "
                    + "(%+.1f MB, %+.0f%%; slope %+.1f MB per minute); RSS %+.0f MB: %s%n", first, n, last, n, last - first,
                    100 * (last - first) / first, slope(warm), rssLast - rssFirst,
                    flat ? "no growth trend" : "GROWING: look for a leak");
            // Where the difference is, from the first sample after warm-up to the last one.
            Map<String, Long> before = histograms.get(2), after = histograms.get(histograms.size() - 1);
            List<Map.Entry<String, Long>> growth = new ArrayList<>();
            after.forEach((type, bytes) -> growth.add(Map.entry(type, bytes - before.getOrDefault(type, 0L))));
            growth.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
            System.out.printf("classes that grew most from %s s to %s s:%n ", warm.get(0)[0], warm.get(warm.size() - 1)[0]);
            growth.stream().limit(6).forEach(e -> System.out.printf(" %s %+.1f MB (%+d objects);", e.getKey(),
                    e.getValue() / 1048576.0, instances.get(instances.size() - 1).getOrDefault(e.getKey(), 0L)
                            - instances.get(2).getOrDefault(e.getKey(), 0L)));
            System.out.println();
        }

        /** Least squares over the samples, in MB per minute. */
        static double slope(List<String[]> samples) {
            int n = samples.size();
            double sx = 0, sy = 0, sxx = 0, sxy = 0;
            for (int i = 0; i < n; i++) {
                double x = i * SAMPLE_SECONDS / 60.0, y = Double.parseDouble(samples.get(i)[2]);
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
            }
            return (n * sxy - sx * sy) / (n * sxx - sx * sx);
        }

        static double mean(List<String[]> samples) {
            return samples.stream().mapToDouble(s -> Double.parseDouble(s[2])).average().orElse(0);
        }
    }

    // ---------------------------------------------------------------- HTTP and figures

    static final class Stats {
        static final Map<String, Stats> KINDS = new ConcurrentHashMap<>();
        static final AtomicInteger ERRORS = new AtomicInteger();
        static final List<String> FIRST_ERRORS = Collections.synchronizedList(new ArrayList<>());
        final String name;
        final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        volatile int errors;

        Stats(String name) {
            this.name = name;
        }

        static Stats of(String kind) {
            return KINDS.computeIfAbsent(kind, Stats::new);
        }

        static long count() {
            return KINDS.values().stream().mapToLong(k -> k.nanos.size()).sum();
        }

        static void error(String kind, String what) {
            synchronized (Stats.class) {
                of(kind).errors++;
            }
            if (ERRORS.incrementAndGet() <= 10) {
                FIRST_ERRORS.add(kind + ": " + what);
            }
        }
    }

    record Answer(int status, String body, String type) {
    }

    /** Sends and counts one request of a kind; any answer but the expected one is an error. Null when none came. */
    static Answer timed(String kind, int expected, HttpRequest request) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Stats.of(kind).nanos.add(System.nanoTime() - t0);
            if (r.statusCode() != expected) {
                String body = r.body().length() > 200 ? r.body().substring(0, 200) + "…" : r.body();
                Stats.error(kind, request.method() + " " + request.uri().getRawPath() + " answered " + r.statusCode()
                        + " instead of " + expected + ": " + body.replaceAll("\\s+", " "));
            }
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            Stats.of(kind).nanos.add(System.nanoTime() - t0);
            Stats.error(kind, request.method() + " " + request.uri().getRawPath() + " failed after "
                    + (System.nanoTime() - t0) / 1_000_000 + " ms: " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Set-up and end checks: the answer must be the expected one, or the run stops here. */
    static Answer expect(String kind, int expected, HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException(kind + ": " + request.method() + " " + request.uri() + " answered "
                        + r.statusCode() + ": " + r.body());
            }
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(kind + ": " + request.uri() + " failed: " + e, e);
        }
    }

    static HttpRequest get(String url, String auth, String accept) {
        return send("GET", url, auth, null, null, accept);
    }

    static HttpRequest post(String url, String auth, String json) {
        return send("POST", url, auth, JSON, json);
    }

    static HttpRequest send(String method, String url, String auth, String type, String body) {
        return send(method, url, auth, type, body, JSON);
    }

    static HttpRequest send(String method, String url, String auth, String type, String body, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        if (type != null) {
            b.header("Content-Type", type);
        }
        return b.build();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String coordinatorOf(String state) {
        return "soak.coord." + state.toLowerCase(Locale.ROOT);
    }

    static String account(String user, String role, String state) {
        return "{\"username\":\"" + user + "\",\"displayName\":\"" + user + "\",\"roles\":[\"" + role + "\"]"
                + (state == null ? "" : ",\"state\":\"" + state + "\"") + ",\"password\":\"" + PASSWORD + "\"}";
    }

    static String nominee(String first, String last, String email, String document) {
        return "{\"firstName\":\"" + first + "\",\"lastName\":\"" + last + "\",\"email\":\"" + email + "\""
                + (document == null ? "" : ",\"identityDocument\":\"" + document + "\"")
                + ",\"position\":\"Oficial de protección\",\"institution\":\"Ministerio de Desarrollo Social\"}";
    }

    static String otherState(Desk d) {
        return CODES[(d.index + 1 + ThreadLocalRandom.current().nextInt(CODES.length - 1)) % CODES.length];
    }

    static void known(long id, int state) {
        if (KNOWN.size() < 10_000) {
            KNOWN.add(new long[]{id, state});
        }
    }

    static boolean running() {
        return System.nanoTime() < deadline;
    }

    /** A pause of about THINK_MS (uniform between 0 and twice that), as people and pages do between requests. */
    static void think() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(2 * THINK_MS + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int pick(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = ThreadLocalRandom.current().nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static Thread client(String name, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (RuntimeException e) {
                // A client that stops is a failure of the run, not a silent gap in the traffic.
                Stats.error("client " + name, "stopped: " + e);
                e.printStackTrace();
            }
        }, name);
        t.setDaemon(true);
        return t;
    }

    static AtomicInteger[] counters() {
        AtomicInteger[] c = new AtomicInteger[CODES.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = new AtomicInteger();
        }
        return c;
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    /** Just enough JSON to read the answers: objects as maps, arrays as lists, numbers as Long or Double. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json j = new Json(text);
            Object value = j.value();
            j.space();
            if (j.i != text.length()) {
                throw new IllegalArgumentException("trailing text at " + j.i);
            }
            return value;
        }

        private Object value() {
            space();
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    i++;
                    space();
                    if (s.charAt(i) == '}') {
                        i++;
                        return map;
                    }
                    do {
                        space();
                        String key = string();
                        space();
                        i++; // ':'
                        map.put(key, value());
                        space();
                    } while (s.charAt(i++) == ',');
                    return map;
                }
                case '[' -> {
                    List<Object> list = new ArrayList<>();
                    i++;
                    space();
                    if (s.charAt(i) == ']') {
                        i++;
                        return list;
                    }
                    do {
                        list.add(value());
                        space();
                    } while (s.charAt(i++) == ',');
                    return list;
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    if (s.startsWith("true", i)) {
                        i += 4;
                        return Boolean.TRUE;
                    }
                    if (s.startsWith("false", i)) {
                        i += 5;
                        return Boolean.FALSE;
                    }
                    if (s.startsWith("null", i)) {
                        i += 4;
                        return null;
                    }
                    int start = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    String number = s.substring(start, i);
                    return number.matches("-?\\d+") ? (Object) Long.valueOf(number) : (Object) Double.valueOf(number);
                }
            }
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            i++; // opening quote
            for (char c = s.charAt(i++); c != '"'; c = s.charAt(i++)) {
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
