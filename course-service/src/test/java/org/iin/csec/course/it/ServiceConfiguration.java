package org.iin.csec.course.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.iin.csec.moodle.emulator.DemoCourse;
import org.iin.csec.moodle.emulator.MoodleEmulator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Writes the system-properties file the "embedded" Payara Micro starts with (see arquillian.xml): a fresh
 * H2 data folder for this run, the demo seed on, the demo's Moodle (emulated in this JVM, as deploy/run-demo.sh
 * emulates it beside the service), and an administrator password made up for this run.
 * Registered before ArquillianExtension, so the file exists when the WAR is deployed.
 */
public class ServiceConfiguration implements BeforeAllCallback, AfterAllCallback {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "it-" + HexFormat.of().formatHex(randomBytes(12));
    /** The token course-service and certificate-service share. */
    public static final String SERVICE_TOKEN = "svc-" + HexFormat.of().formatHex(randomBytes(16));

    /** certificate-service, faked on loopback for this run. */
    public static FakeCertificateService certificates;

    /** The demo's Moodle, emulated in this JVM on loopback, with the demo course the demo edition uses. */
    public static MoodleEmulator demoMoodle;
    public static DemoCourse demoCourse;

    /** A real SMTP server in this JVM, on loopback, that the service sends its e-mail to. */
    public static GreenMail mail;

    /** Every other account the tests use (the demo's included) shares this password. */
    public static final String ACCOUNT_PASSWORD = "pw-" + HexFormat.of().formatHex(randomBytes(10));

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path target = Path.of(System.getProperty("project.build.directory", "target")).toAbsolutePath();
        Path data = Files.createTempDirectory(target, "it-data-");
        Properties properties = new Properties();
        properties.setProperty("csec.data.dir", data.toString());
        properties.setProperty("csec.demo.seed", "true");
        // The service talks to the demo's Moodle as to a real one; the outbox is sent every second.
        demoMoodle = MoodleEmulator.builder().siteName("CSEC demo Moodle (emulated)", "CSEC").start();
        demoCourse = DemoCourse.createIn(demoMoodle);
        properties.setProperty("csec.moodle.url", demoMoodle.baseUrl());
        properties.setProperty("csec.moodle.token", demoMoodle.token());
        properties.setProperty("csec.demo.moodle.course-id", String.valueOf(demoCourse.courseId()));
        properties.setProperty("csec.demo.moodle.face-to-face-activity-id",
                String.valueOf(demoCourse.faceToFaceActivityId()));
        properties.setProperty("csec.outbox.interval-seconds", "1");
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        properties.setProperty("csec.mail.host", "127.0.0.1");
        properties.setProperty("csec.mail.port", String.valueOf(mail.getSmtp().getPort()));
        properties.setProperty("csec.mail.from", "csec-course@example.org");
        properties.setProperty("csec.mail.starttls", "false");
        certificates = new FakeCertificateService();
        properties.setProperty("csec.certificates.url", certificates.url());
        properties.setProperty("csec.service.token", SERVICE_TOKEN);
        adjust(properties);
        write(target.resolve("it-embedded.properties"), properties);
    }

    /** A test class's own settings on top of these (e.g. a Moodle of its own instead of the demo's). */
    protected void adjust(Properties properties) {
    }

    /** A test class's own secrets (e.g. that Moodle's token), which the log must not contain either. */
    protected List<String> moreSecrets() {
        return List.of();
    }

    /** After the service stopped: nothing secret may be in what it logged. */
    @Override
    public void afterAll(ExtensionContext context) {
        if (demoMoodle != null) {
            demoMoodle.close();
        }
        if (certificates != null) {
            certificates.close();
        }
        if (mail != null) {
            mail.stop();
        }
        List<String> secrets = new ArrayList<>(List.of(ADMIN_PASSWORD, ACCOUNT_PASSWORD, SERVICE_TOKEN));
        if (demoMoodle != null) {
            secrets.add(demoMoodle.token());
        }
        secrets.addAll(LogsKeepSecrets.DOCUMENTS);
        secrets.addAll(moreSecrets());
        LogsKeepSecrets.check("payara-embedded.log", secrets);
    }

    /** Adds the administrator's settings and writes the file Payara Micro reads with --systemProperties. */
    static void write(Path file, Properties properties) {
        properties.setProperty("csec.admin.username", ADMIN);
        properties.setProperty("csec.admin.password", ADMIN_PASSWORD);
        properties.setProperty("csec.demo.password", ACCOUNT_PASSWORD);
        try (Writer out = Files.newBufferedWriter(file)) {
            properties.store(out, "Written by the integration tests for this run only");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
