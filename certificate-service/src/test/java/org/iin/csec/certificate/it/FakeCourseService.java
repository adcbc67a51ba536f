package org.iin.csec.certificate.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * course-service as certificate-service sees it, on 127.0.0.1: {@code GET /api/v1/me} for a few accounts, and
 * {@code POST /api/v1/internal/participants/{id}/certified}, which it records and can be told to fail first.
 */
public final class FakeCourseService {

    /** One account of course-service. */
    public record Account(String username, String role, String state) {
    }

    /** One notice as received: the answer it got, its Authorization header, its path and body. */
    public record Notice(int answeredWith, String authorization, String path, String body) {
    }

    private final HttpServer server;
    private final String serviceToken;
    private final String password;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> meCalls = new ConcurrentHashMap<>();
    private final List<Notice> notices = new CopyOnWriteArrayList<>();
    private final Map<Long, AtomicInteger> failuresToAnswer = new ConcurrentHashMap<>();

    FakeCourseService(String serviceToken, String password) throws IOException {
        this.serviceToken = serviceToken;
        this.password = password;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/course/api/v1/me", this::me);
        server.createContext("/course/api/v1/internal/participants/", this::certified);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/course";
    }

    public void add(String username, String role, String state) {
        accounts.put(username, new Account(username, role, state));
    }

    /** The next {@code count} notices about this participant are answered 500, as a course-service that is down. */
    public void failNextNoticesAbout(long participantId, int count) {
        failuresToAnswer.put(participantId, new AtomicInteger(count));
    }

    public List<Notice> notices() {
        return List.copyOf(notices);
    }

    public int meCalls(String username) {
        return meCalls.getOrDefault(username, new AtomicInteger()).get();
    }

    void stop() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** A page's sign-in session for {@code username}, as course-service's POST /sessions opens one. */
    public String openSession(String username) {
        String token = java.util.UUID.randomUUID().toString();
        sessions.put(token, username);
        return token;
    }

    private void me(HttpExchange exchange) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.startsWith("Bearer ")) {
            String username = sessions.get(header.substring(7));
            if (username == null) {
                answer(exchange, 401, "{\"status\":401}");
            } else {
                meCalls.computeIfAbsent(username, u -> new AtomicInteger()).incrementAndGet();
                answerAccount(exchange, accounts.get(username));
            }
            return;
        }
        String[] credentials = basic(header);
        if (credentials == null) {
            answer(exchange, 401, "{\"status\":401}");
            return;
        }
        meCalls.computeIfAbsent(credentials[0], u -> new AtomicInteger()).incrementAndGet();
        Account account = accounts.get(credentials[0]);
        if (account == null || !password.equals(credentials[1])) {
            answer(exchange, 401, "{\"status\":401}");
            return;
        }
        answerAccount(exchange, account);
    }

    private static void answerAccount(HttpExchange exchange, Account account) throws IOException {
        answer(exchange, 200, "{\"username\":\"" + account.username() + "\",\"displayName\":\"" + account.username()
                + "\",\"email\":null,\"roles\":[\"" + account.role() + "\"],\"state\":"
                + (account.state() == null ? "null" : "\"" + account.state() + "\"") + ",\"language\":\"es\","
                + "\"active\":true}");
    }

    private void certified(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        int status;
        if (!"POST".equals(exchange.getRequestMethod()) || !exchange.getRequestURI().getPath().endsWith("/certified")) {
            status = 404;
        } else if (!("Bearer " + serviceToken).equals(authorization)) {
            status = 401;
        } else if (failuresToAnswer.getOrDefault(participant(exchange), new AtomicInteger())
                .getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            status = 500;
        } else {
            status = 200;
        }
        notices.add(new Notice(status, authorization, exchange.getRequestURI().getPath(), body));
        answer(exchange, status, status == 200 ? "{\"status\":\"CERTIFIED\"}" : "{\"status\":" + status + "}");
    }

    /** The participant id in /course/api/v1/internal/participants/{id}/certified. */
    private static long participant(HttpExchange exchange) {
        String[] segments = exchange.getRequestURI().getPath().split("/");
        try {
            return Long.parseLong(segments[segments.length - 2]);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static String[] basic(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return null;
        }
        String pair = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        return colon < 0 ? null : new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
