package org.iin.csec.moodle.demo;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.iin.csec.moodle.emulator.DemoCourse;
import org.iin.csec.moodle.emulator.MoodleEmulator;

import java.util.logging.Logger;

/**
 * Starts the emulated Moodle when the demo deploys this application, and stops it when it is undeployed. From the
 * system properties deploy/run-demo.sh writes: {@code csec.demo.moodle.port} and {@code csec.demo.moodle.token}
 * (course-service is given the same as {@code csec.moodle.url} and {@code csec.moodle.token}, as for a real Moodle),
 * and the ids course-service links its demo edition to, {@code csec.demo.moodle.course-id} and
 * {@code csec.demo.moodle.face-to-face-activity-id}: the course made here must have them, or the demo would enrol
 * learners in a course that does not exist, so a mismatch stops the deployment.
 */
@WebListener
public class DemoMoodle implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(DemoMoodle.class.getName());
    private static final String ATTRIBUTE = DemoMoodle.class.getName();

    /** The running emulator and the demo course in it. */
    record Running(MoodleEmulator moodle, DemoCourse course) {
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        MoodleEmulator moodle = MoodleEmulator.builder()
                .port(Integer.parseInt(required("csec.demo.moodle.port")))
                .token(required("csec.demo.moodle.token"))
                .siteName("CSEC demo Moodle (emulated)", "CSEC")
                .start();
        DemoCourse course = DemoCourse.createIn(moodle);
        expect("csec.demo.moodle.course-id", course.courseId(), moodle);
        expect("csec.demo.moodle.face-to-face-activity-id", course.faceToFaceActivityId(), moodle);
        event.getServletContext().setAttribute(ATTRIBUTE, new Running(moodle, course));
        LOG.info("Moodle is emulated at " + moodle.baseUrl() + " with the demo course " + course.courseId()
                + " (demo only).");
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        Running running = running(event.getServletContext());
        if (running != null) {
            running.moodle().close();
        }
    }

    static Running running(ServletContext context) {
        return (Running) context.getAttribute(ATTRIBUTE);
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The demo's emulated Moodle needs the system property " + name
                    + " (deploy/run-demo.sh sets it).");
        }
        return value;
    }

    private static void expect(String name, long actual, MoodleEmulator moodle) {
        String configured = System.getProperty(name);
        if (configured != null && Long.parseLong(configured.trim()) != actual) {
            moodle.close();
            throw new IllegalStateException(name + " is " + configured.trim() + " but the emulated demo course has "
                    + actual + ": change it in deploy/run-demo.sh.");
        }
    }
}
