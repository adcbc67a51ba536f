package org.iin.csec.moodle.emulator;

import static org.iin.csec.moodle.emulator.Out.obj;

import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Activity and course completion: core_completion_get_activities_completion_status,
 * core_completion_update_activity_completion_status_manually, core_completion_override_activity_completion_status,
 * core_completion_get_course_completion_status and core_completion_mark_course_self_completed.
 */
final class CompletionFunctions {

    private CompletionFunctions() {
    }

    static void register(Map<String, Functions.Handler> handlers) {
        handlers.put("core_completion_get_activities_completion_status", CompletionFunctions::activities);
        handlers.put("core_completion_update_activity_completion_status_manually", CompletionFunctions::manually);
        handlers.put("core_completion_override_activity_completion_status", CompletionFunctions::override);
        handlers.put("core_completion_get_course_completion_status", CompletionFunctions::courseStatus);
        handlers.put("core_completion_mark_course_self_completed", CompletionFunctions::selfCompleted);
    }

    /** The automatic rules of an activity with their status; manual activities have none. */
    static List<Object> ruleDetails(Site.Module m, Site.ActivityState state) {
        if (m.completion != CompletionRule.ON_VIEW) {
            return List.of();
        }
        return List.of(obj().put("rulename", "completionview")
                .put("rulevalue", obj().put("status", state.state > 0 ? 1 : 0).put("description", "View")));
    }

    /** Percentage of the course's tracked activities the user completed, as core_enrol_get_users_courses shows. */
    static Object progress(Site site, Site.Course course, long userId) {
        List<Site.Module> tracked = site.modulesOf(course).stream()
                .filter(m -> m.completion != CompletionRule.NONE).toList();
        if (!course.enablecompletion || tracked.isEmpty()) {
            return null;
        }
        long done = tracked.stream().filter(m -> m.state(userId).state > 0).count();
        return (int) Math.round(100.0 * done / tracked.size());
    }

    private static Site.User enrolledUser(Site site, Site.Course course, long userId) throws WsError {
        Site.User user = site.user(userId);
        if (user == null) {
            throw WsError.invalidUser();
        }
        if (!course.enrolments.containsKey(userId)) {
            throw WsError.moodle("usernotenroled", "User is not enrolled in this course");
        }
        return user;
    }

    /** Activities whose type the caller may not view are silently left out. */
    private static JsonValue activities(Functions.Call call) throws WsError {
        Site site = call.site();
        Site.Course course = CourseFunctions.course(call, "courseid");
        long userId = Args.requiredInt(call.params(), "userid", "");
        enrolledUser(site, course, userId);
        List<Object> statuses = new ArrayList<>();
        for (Site.Module m : site.modulesOf(course)) {
            if (m.completion == CompletionRule.NONE || !site.canSee(m)) {
                continue;
            }
            Site.ActivityState state = m.state(userId);
            statuses.add(obj().put("cmid", m.cmid).put("modname", m.modname).put("instance", m.instance)
                    .put("state", state.state).put("timecompleted", state.timecompleted)
                    .put("tracking", m.completion.tracking).put("overrideby", state.overrideby)
                    .put("valueused", false).put("hascompletion", true)
                    .put("isautomatic", m.completion == CompletionRule.ON_VIEW).put("istrackeduser", true)
                    .put("uservisible", true).put("details", ruleDetails(m, state))
                    .put("isoverallcomplete", state.state > 0));
        }
        return obj().put("statuses", statuses).put("warnings", List.of()).build();
    }

    /** Acts on the caller only, enrolled or not, and always answers status true. */
    private static JsonValue manually(Functions.Call call) throws WsError {
        Site site = call.site();
        long cmid = Args.requiredInt(call.params(), "cmid", "");
        Args.required(call.params(), "completed", "");
        boolean completed = Args.optionalBool(call.params(), "completed", false, "");
        Site.Module m = site.modules.get(cmid);
        if (m == null) {
            throw WsError.missingRecord("course_modules");
        }
        Site.ActivityState state = new Site.ActivityState();
        state.state = completed ? 1 : 0;
        state.timecompleted = completed ? call.now() : 0;
        m.states.put(call.caller(), state);
        site.activityStateChanged(m, call.caller(), state);
        return obj().put("status", true).put("warnings", List.of()).build();
    }

    /**
     * Newstate 0 or 1 only. Resetting to incomplete keeps the old time completed, and a module without completion
     * tracking answers state 0, tracking 0 and stores nothing.
     */
    private static JsonValue override(Functions.Call call) throws WsError {
        Site site = call.site();
        long userId = Args.requiredInt(call.params(), "userid", "");
        long cmid = Args.requiredInt(call.params(), "cmid", "");
        long newState = Args.requiredInt(call.params(), "newstate", "");
        Site.Module m = site.modules.get(cmid);
        if (m == null) {
            throw WsError.missingRecord("course_modules");
        }
        if (!site.canSee(m)) {
            throw WsError.requireLogin();
        }
        if (newState != 0 && newState != 1) {
            throw WsError.moodle("err_system", "An internal error occurred in the completion system. (System"
                    + " administrators can enable debugging information to see more detail.)");
        }
        if (site.user(userId) == null) {
            throw WsError.invalidUser();
        }
        if (m.completion == CompletionRule.NONE) {
            return obj().put("cmid", cmid).put("userid", userId).put("state", 0).put("timecompleted", 0)
                    .put("overrideby", null).put("tracking", 0).build();
        }
        Site.ActivityState state = m.states.computeIfAbsent(userId, k -> new Site.ActivityState());
        state.state = (int) newState;
        state.overrideby = call.caller();
        if (newState == 1) {
            state.timecompleted = call.now();
        }
        site.activityStateChanged(m, userId, state);
        return obj().put("cmid", cmid).put("userid", userId).put("state", state.state)
                .put("timecompleted", state.timecompleted).put("overrideby", state.overrideby)
                .put("tracking", m.completion.tracking).build();
    }

    /** Per criterion completion; there is no course-level time completed in this answer. */
    private static JsonValue courseStatus(Functions.Call call) throws WsError {
        Site site = call.site();
        Site.Course course = CourseFunctions.course(call, "courseid");
        long userId = Args.requiredInt(call.params(), "userid", "");
        enrolledUser(site, course, userId);
        if (!course.enablecompletion) {
            throw WsError.moodle("completionnotenabled", "Completion is not enabled for this site");
        }
        if (course.criteria.isEmpty()) {
            throw WsError.moodle("nocriteriaset", "No criteria set for this course");
        }
        List<Object> completions = new ArrayList<>();
        for (Site.Criterion criterion : course.criteria) {
            Long time = criterion.completedAt.get(userId);
            boolean complete = time != null;
            Out.Obj details;
            String title;
            if (criterion.type == Site.Criterion.SELF) {
                title = "Self completion";
                details = obj().put("type", title).put("criteria", "Self completion")
                        .put("requirement", "Marking yourself complete").put("status", "");
            } else {
                title = "Activity completion";
                Site.Module m = site.modules.get(criterion.cmid);
                String requirement = m.completion == CompletionRule.MANUAL ? "Marking yourself complete"
                        : "Viewing the " + CourseFunctions.ModuleType.of(m.modname).label;
                details = obj().put("type", title)
                        .put("criteria", "<a href=\"" + site.baseUrl + "/mod/" + m.modname + "/view.php?id=" + m.cmid
                                + "\">" + m.name + "</a>")
                        .put("requirement", requirement).put("status", "");
            }
            completions.add(obj().put("type", criterion.type).put("title", title).put("status", complete ? "Yes" : "No")
                    .put("complete", complete).put("timecompleted", time).put("details", details));
        }
        return obj().put("completionstatus", obj().put("completed", course.completedAt.containsKey(userId))
                        .put("aggregation", 1).put("completions", completions))
                .put("warnings", List.of()).build();
    }

    /** Acts on the caller; the course only counts as completed after the completion cron. */
    private static JsonValue selfCompleted(Functions.Call call) throws WsError {
        Site site = call.site();
        Site.Course course = CourseFunctions.course(call, "courseid");
        if (!course.enrolments.containsKey(call.caller())) {
            throw WsError.moodle("nottracked", "You are currently not being tracked by completion in this course");
        }
        Site.Criterion self = course.criteria.stream().filter(c -> c.type == Site.Criterion.SELF).findFirst()
                .orElseThrow(() -> WsError.moodle("noselfcompletioncriteria",
                        "The self completion criteria has not been set for this course"));
        self.completedAt.putIfAbsent(call.caller(), call.now());
        return obj().put("status", true).put("warnings", List.of()).build();
    }
}
