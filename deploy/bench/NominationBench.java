import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load for the nominations benchmark (run by nominations.sh, not a test): 35 states x 50 seats, then
 * 32 clients nominating as fast as they can, 100 candidates per state (half of them end up waitlisted).
 * Usage: java [-Dserver.pid=PID] NominationBench.java BASE_URL ADMIN_PASSWORD (with the service's process id,
 * it also reports the server CPU time per nomination, which varies less than throughput on a shared machine).
 */
public class NominationBench {

    static final int STATES = 35, QUOTA = 50, PER_STATE = Integer.getInteger("perState", 100), CLIENTS = 32,
            WARM_UP = Integer.getInteger("warmUp", 350);
    static final String[] CODES = {"AR", "BO", "BR", "CL", "CO", "CR", "CU", "DO", "EC", "SV", "GT", "HN", "MX", "NI",
            "PA", "PY", "PE", "UY", "VE", "US", "CA", "JM", "TT", "BS", "BB", "BZ", "GY", "SR", "HT", "AG", "DM", "GD",
            "KN", "LC", "VC"};
    static final String PASSWORD = "bench-password-1234";
    /** HTTP/1.1, as nginx talks to the service in production (-Dhttp=HTTP_2 tries cleartext HTTP/2 upgrades). */
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.valueOf(System.getProperty("http", "HTTP_1_1")))
            .connectTimeout(Duration.ofSeconds(5)).build();
    static String base;

    public static void main(String[] args) throws Exception {
        base = args[0] + "/course/api/v1";
        String admin = "admin:" + args[1];
        String leader = "bench.leader:" + PASSWORD;
        call(admin, "POST", "/accounts", account("bench.leader", "COURSE_LEADER", null), 201);
        call(leader, "POST", "/editions", "{\"code\":\"BENCH\",\"title\":\"Benchmark\",\"language\":\"es\","
                + "\"onlineStageStart\":\"2027-03-01\",\"onlineStageEnd\":\"2027-05-31\",\"courseHours\":120}", 201);
        for (int s = 0; s < STATES; s++) {
            call(admin, "POST", "/accounts", account("bench." + CODES[s].toLowerCase(), "STATE_COORDINATOR", CODES[s]), 201);
            call(leader, "PUT", "/editions/BENCH/agreements/" + CODES[s], "{\"quota\":" + QUOTA + "}", 200);
        }
        call(leader, "PATCH", "/editions/BENCH", "{\"status\":\"NOMINATIONS_OPEN\"}", 200);

        List<int[]> work = new ArrayList<>();
        for (int n = 0; n < PER_STATE; n++) {
            for (int s = 0; s < STATES; s++) {
                work.add(new int[]{s, n});
            }
        }
        if (Boolean.getBoolean("compareWithMe")) {
            // The lightest signed-in request, for comparison: authentication, CDI, JAX-RS, one account read.
            List<Long> me = Collections.synchronizedList(new ArrayList<>());
            runGets(4000, me);
            me.clear();
            long cpu0 = serverCpuMillis();
            long t0 = System.nanoTime();
            runGets(6000, me);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("GET /me server CPU: %.1f ms per request%n", (serverCpuMillis() - cpu0) / 6000.0);
            List<Long> sortedMe = new ArrayList<>(me);
            Collections.sort(sortedMe);
            System.out.printf("GET /me: %.0f per second; p50 %.1f ms, p99 %.1f ms%n", me.size() / s, pct(sortedMe, 50), pct(sortedMe, 99));
        }
        // Warm-up: the first requests pay for class loading and JIT; they are not counted.
        run(work.subList(0, WARM_UP), new ArrayList<>());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long cpuBefore = serverCpuMillis();
        long start = System.nanoTime();
        int errors = run(work.subList(WARM_UP, work.size()), latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = serverCpuMillis() - cpuBefore;

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("nominations: %d in %.2f s = %.0f per second with %d clients; errors: %d%n",
                sorted.size(), seconds, sorted.size() / seconds, CLIENTS, errors);
        if (cpuBefore >= 0) {
            System.out.printf("server CPU: %.1f ms per nomination (%.0f%% of the machine's 2 cores)%n",
                    (double) cpu / sorted.size(), cpu / 10.0 / seconds / 2);
        }
        System.out.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", pct(sorted, 50), pct(sorted, 90),
                pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
    }

    static int run(List<int[]> work, List<Long> latencies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger errors = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int[] item : work) {
            futures.add(pool.submit(() -> {
                String state = CODES[item[0]];
                String body = "{\"firstName\":\"Candidate" + item[1] + "\",\"lastName\":\"" + state + "\",\"email\":\"c"
                        + item[1] + "." + state.toLowerCase() + "@bench.example.org\",\"identityDocument\":\"" + state
                        + item[1] + "\"}";
                long t0 = System.nanoTime();
                int status = send("bench." + state.toLowerCase() + ":" + PASSWORD, "POST",
                        "/editions/BENCH/agreements/" + state + "/nominations", body);
                latencies.add(System.nanoTime() - t0);
                if (status != 201) {
                    errors.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return errors.get();
    }

    static void runGets(int count, List<Long> latencies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String user = "bench." + CODES[i % STATES].toLowerCase() + ":" + PASSWORD;
            futures.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                HTTP.send(HttpRequest.newBuilder(URI.create(base + "/me")).header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8))).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                latencies.add(System.nanoTime() - t0);
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    /** User and system CPU time of the service's process, from /proc (Linux), or -1 when unknown. */
    static long serverCpuMillis() {
        String pid = System.getProperty("server.pid");
        if (pid == null) {
            return -1;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // clock ticks of 10 ms
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    static String account(String user, String role, String state) {
        return "{\"username\":\"" + user + "\",\"displayName\":\"" + user + "\",\"roles\":[\"" + role + "\"]"
                + (state == null ? "" : ",\"state\":\"" + state + "\"") + ",\"password\":\"" + PASSWORD + "\"}";
    }

    static void call(String credentials, String method, String path, String json, int expected) throws Exception {
        int status = send(credentials, method, path, json);
        if (status != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + status);
        }
    }

    static int send(String credentials, String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(30)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
