package org.iin.csec.moodle.emulator;

import static org.iin.csec.moodle.emulator.Out.obj;

import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** enrol_manual_enrol_users, enrol_manual_unenrol_users, core_enrol_get_enrolled_users, core_enrol_get_users_courses. */
final class EnrolFunctions {

    /** The roles the web-service user may assign; any other gives wsusercannotassign. */
    private static final Set<Integer> ASSIGNABLE_ROLES = Set.of(Site.STUDENT_ROLE);

    private EnrolFunctions() {
    }

    static void register(Map<String, Functions.Handler> handlers) {
        handlers.put("enrol_manual_enrol_users", EnrolFunctions::enrol);
        handlers.put("enrol_manual_unenrol_users", EnrolFunctions::unenrol);
        handlers.put("core_enrol_get_enrolled_users", EnrolFunctions::enrolledUsers);
        handlers.put("core_enrol_get_users_courses", EnrolFunctions::usersCourses);
    }

    /**
     * All or nothing. Enrolling someone already enrolled is accepted and overwrites the dates and the suspension
     * (an omitted {@code suspend} means active); the answer is JSON null.
     */
    private static JsonValue enrol(Functions.Call call) throws WsError {
        Site site = call.site();
        String ctx = Args.inside("enrolments");
        List<Runnable> changes = new ArrayList<>();
        for (FormParams item : call.params().list("enrolments")) {
            int roleId = (int) Args.requiredInt(item, "roleid", ctx);
            long userId = Args.requiredInt(item, "userid", ctx);
            long courseId = Args.requiredInt(item, "courseid", ctx);
            long timestart = Args.optionalInt(item, "timestart", 0, ctx);
            long timeend = Args.optionalInt(item, "timeend", 0, ctx);
            boolean suspend = Args.optionalBool(item, "suspend", false, ctx);
            Site.Course course = site.courses.get(courseId);
            if (course == null || course.site) {
                throw WsError.invalidParameter("Context does not exist");
            }
            if (!ASSIGNABLE_ROLES.contains(roleId)) {
                throw WsError.moodle("wsusercannotassign", "You don't have the permission to assign this role ("
                        + roleId + ") to this user (" + userId + ") in this course (" + courseId + ").");
            }
            if (site.user(userId) == null) {
                throw WsError.invalidUser();
            }
            changes.add(() -> {
                Site.Enrolment enrolment = course.enrolments.computeIfAbsent(userId, Site.Enrolment::new);
                enrolment.roleId = roleId;
                enrolment.timestart = timestart;
                enrolment.timeend = timeend;
                enrolment.suspended = suspend;
            });
        }
        changes.forEach(Runnable::run);
        return JsonValue.NULL;
    }

    /** Unenrolling someone who is not enrolled is accepted silently. */
    private static JsonValue unenrol(Functions.Call call) throws WsError {
        Site site = call.site();
        String ctx = Args.inside("enrolments");
        List<Runnable> changes = new ArrayList<>();
        for (FormParams item : call.params().list("enrolments")) {
            long userId = Args.requiredInt(item, "userid", ctx);
            long courseId = Args.requiredInt(item, "courseid", ctx);
            Site.Course course = site.courses.get(courseId);
            if (course == null) {
                throw WsError.missingRecord("course");
            }
            if (site.user(userId) == null) {
                throw WsError.invalidUser();
            }
            changes.add(() -> {
                course.enrolments.remove(userId);
                site.groups.values().stream().filter(g -> g.courseId == courseId)
                        .forEach(g -> g.members.remove(userId));
            });
        }
        changes.forEach(Runnable::run);
        return JsonValue.NULL;
    }

    private static JsonValue enrolledUsers(Functions.Call call) throws WsError {
        Site site = call.site();
        Site.Course course = CourseFunctions.course(call, "courseid");
        long groupId = 0;
        boolean onlyActive = false;
        boolean onlySuspended = false;
        Set<String> fields = null;
        for (FormParams option : call.params().list("options")) {
            String name = Args.required(option, "name", Args.inside("options"));
            String value = Args.required(option, "value", Args.inside("options"));
            switch (name) {
                case "groupid" -> groupId = Args.toInt("value", value, Args.inside("options"));
                case "onlyactive" -> onlyActive = "1".equals(value) || "true".equals(value);
                case "onlysuspended" -> onlySuspended = "1".equals(value) || "true".equals(value);
                case "userfields" -> fields = new HashSet<>(List.of(value.split("\\s*,\\s*")));
                default -> {
                    // other options (sorting, paging, withcapability) are not emulated
                }
            }
        }
        Site.Group group = groupId == 0 ? null : site.groups.get(groupId);
        List<Object> result = new ArrayList<>();
        for (Site.Enrolment enrolment : sortedById(course)) {
            boolean active = site.isActive(enrolment);
            if ((onlyActive && !active) || (onlySuspended && active)
                    || (groupId != 0 && (group == null || !group.members.contains(enrolment.userId)))) {
                continue;
            }
            result.add(UserViews.enrolled(site, site.user(enrolment.userId), course, fields));
        }
        return Out.array(result);
    }

    private static List<Site.Enrolment> sortedById(Site.Course course) {
        List<Site.Enrolment> list = new ArrayList<>(course.enrolments.values());
        list.sort((a, b) -> Long.compare(a.userId, b.userId));
        return list;
    }

    private static JsonValue usersCourses(Functions.Call call) throws WsError {
        Site site = call.site();
        long userId = Args.requiredInt(call.params(), "userid", "");
        if (site.user(userId) == null) {
            throw WsError.invalidUser();
        }
        List<Object> result = new ArrayList<>();
        for (Site.Course c : site.coursesOf(userId)) {
            long active = c.enrolments.values().stream().filter(site::isActive).count();
            result.add(obj().put("id", c.id).put("shortname", c.shortname).put("fullname", c.fullname)
                    .put("displayname", c.fullname).put("enrolledusercount", active).put("idnumber", c.idnumber)
                    .put("visible", c.visible).put("summary", c.summary).put("summaryformat", c.summaryformat)
                    .put("format", c.format).put("courseimage", CourseFunctions.courseImage(site, c))
                    .put("showgrades", true).put("lang", c.lang).put("enablecompletion", c.enablecompletion)
                    .put("completionhascriteria", !c.criteria.isEmpty())
                    .put("completionusertracked", c.enablecompletion).put("category", c.categoryId)
                    .put("progress", CompletionFunctions.progress(site, c, userId))
                    .put("completed", c.completedAt.containsKey(userId)).put("startdate", c.startdate)
                    .put("enddate", c.enddate).put("marker", 0).put("lastaccess", null).put("isfavourite", false)
                    .put("hidden", false).put("overviewfiles", List.of()).put("showactivitydates", true)
                    .put("showcompletionconditions", true).put("timemodified", c.timemodified));
        }
        return Out.array(result);
    }
}
