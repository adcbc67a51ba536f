package org.iin.csec.certificate.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * What certificate-service talks to, stood up on 127.0.0.1 for one test class: a fake course-service (accounts,
 * certified notices) and GreenMail as the SMTP server. Also the secrets of this run: the service token and the
 * accounts' password. The configuration extensions start it before Payara Micro and stop it after.
 */
public final class TestEnvironment {

    public static final String LEADER = "it.leader";
    public static final String ADMIN = "it.admin";
    public static final String SIGN_AR = "it.sign.ar";
    public static final String SIGN_UY = "it.sign.uy";
    public static final String COORD_AR = "it.coord.ar";
    public static final String SIGN_PE = "it.sign.pe";

    public static final String SERVICE_TOKEN = "token-" + HexFormat.of().formatHex(randomBytes(24));
    public static final String PASSWORD = "pw-" + HexFormat.of().formatHex(randomBytes(10));

    private static FakeCourseService courseService;
    private static GreenMail mail;

    private TestEnvironment() {
    }

    static synchronized void start() throws IOException {
        courseService = new FakeCourseService(SERVICE_TOKEN, PASSWORD);
        courseService.add(LEADER, "COURSE_LEADER", null);
        courseService.add(ADMIN, "ADMIN", null);
        courseService.add(SIGN_AR, "STATE_SIGNATORY", "AR");
        courseService.add(SIGN_UY, "STATE_SIGNATORY", "UY");
        courseService.add(COORD_AR, "STATE_COORDINATOR", "AR");
        courseService.add(SIGN_PE, "STATE_SIGNATORY", "PE");
        mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    static synchronized void stop() {
        if (courseService != null) {
            courseService.stop();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    public static FakeCourseService courseService() {
        return courseService;
    }

    public static GreenMail mail() {
        return mail;
    }

    /** The service's settings for this run: the fake course-service, GreenMail, the token, quick outbox passes. */
    static Properties serviceProperties() {
        Properties properties = new Properties();
        properties.setProperty("csec.course.url", courseService.url());
        properties.setProperty("csec.service.token", SERVICE_TOKEN);
        properties.setProperty("csec.public.url", "https://cursos.iin.example");
        properties.setProperty("csec.mail.host", "127.0.0.1");
        properties.setProperty("csec.mail.port", String.valueOf(mail.getSmtp().getPort()));
        properties.setProperty("csec.mail.from", "certificados@iin.example");
        properties.setProperty("csec.mail.starttls", "false");
        properties.setProperty("csec.outbox.interval-seconds", "1");
        properties.setProperty("csec.outbox.first-retry-seconds", "1");
        properties.setProperty("csec.verify.requests-per-minute", "60");
        return properties;
    }

    static void write(Path file, Properties properties) {
        try (Writer out = Files.newBufferedWriter(file)) {
            properties.store(out, "Written by the integration tests for this run only");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path target() {
        return Path.of(System.getProperty("project.build.directory", "target")).toAbsolutePath();
    }

    static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
