package org.iin.csec.moodle.demo;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.InetAddress;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /users/{moodleUserId}/complete-course}: the learner completes every activity of the demo course, as
 * they would in Moodle, so the course's next sync reads the online stage back as completed. The Moodle user id is a
 * participant's {@code moodleUserId} in course-service's API. Only from this machine: the demo's Moodle is not
 * something a visitor of the demo's pages should change.
 */
@WebServlet("/users/*")
public class CourseCompletion extends HttpServlet {

    private static final Pattern PATH = Pattern.compile("/(\\d{1,18})/complete-course");

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
            answer(response, 403, "{\"error\":\"Only from the machine the demo runs on.\"}");
            return;
        }
        Matcher path = PATH.matcher(String.valueOf(request.getPathInfo()));
        if (!path.matches()) {
            answer(response, 404, "{\"error\":\"POST /users/{moodleUserId}/complete-course\"}");
            return;
        }
        long user = Long.parseLong(path.group(1));
        DemoMoodle.Running running = DemoMoodle.running(getServletContext());
        long course = running.course().courseId();
        if (running.moodle().account(user).isEmpty()) {
            answer(response, 404, "{\"error\":\"No Moodle user " + user + ".\"}");
            return;
        }
        if (!running.moodle().enrolledUserIds(course).contains(user)) {
            answer(response, 409, "{\"error\":\"Moodle user " + user + " is not enrolled in the demo course " + course
                    + ": accept the participant and let the sync run.\"}");
            return;
        }
        running.moodle().completeCourse(user, course);
        answer(response, 200, "{\"moodleUser\":" + user + ",\"course\":" + course + ",\"completed\":true}");
    }

    private static void answer(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json);
    }
}
