package org.iin.csec.moodle.emulator;

import static org.iin.csec.moodle.emulator.Out.obj;

import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** core_group_create_groups, core_group_get_course_groups, core_group_add_group_members, core_group_get_group_members. */
final class GroupFunctions {

    private GroupFunctions() {
    }

    static void register(Map<String, Functions.Handler> handlers) {
        handlers.put("core_group_create_groups", GroupFunctions::createGroups);
        handlers.put("core_group_get_course_groups", GroupFunctions::courseGroups);
        handlers.put("core_group_add_group_members", GroupFunctions::addMembers);
        handlers.put("core_group_get_group_members", GroupFunctions::members);
    }

    /** All or nothing; a name already used in the course rejects the call with invalidparameter. */
    private static JsonValue createGroups(Functions.Call call) throws WsError {
        Site site = call.site();
        String ctx = Args.inside("groups");
        List<Site.Group> created = new ArrayList<>();
        List<Object> result = new ArrayList<>();
        try {
            for (FormParams item : call.params().list("groups")) {
                long courseId = Args.requiredInt(item, "courseid", ctx);
                String name = Args.required(item, "name", ctx);
                String description = Args.required(item, "description", ctx);
                int format = (int) Args.optionalInt(item, "descriptionformat", 1, ctx);
                String idnumber = Args.optional(item, "idnumber", "");
                String key = Args.optional(item, "enrolmentkey", "");
                Site.Course course = site.courses.get(courseId);
                if (course == null) {
                    throw WsError.missingRecord("course");
                }
                if (site.groups.values().stream().anyMatch(g -> g.courseId == courseId && g.name.equals(name))) {
                    throw WsError.invalidParameter("Group with the same name already exists in the course");
                }
                if (!idnumber.isEmpty() && site.groups.values().stream()
                        .anyMatch(g -> g.courseId == courseId && g.idnumber.equals(idnumber))) {
                    throw WsError.invalidParameter("The group ID number is already taken");
                }
                Site.Group group = new Site.Group(site.nextGroupId(), courseId);
                group.name = name;
                group.description = description;
                group.descriptionformat = format;
                group.idnumber = idnumber;
                group.enrolmentkey = key.isEmpty() ? null : key;
                site.groups.put(group.id, group);
                created.add(group);
                result.add(obj().put("id", group.id).put("courseid", courseId).put("name", name)
                        .put("description", description).put("descriptionformat", format).put("enrolmentkey", key)
                        .put("idnumber", idnumber).put("visibility", 0).put("participation", true));
            }
        } catch (WsError e) {
            created.forEach(g -> site.groups.remove(g.id));
            throw e;
        }
        return Out.array(result);
    }

    private static JsonValue courseGroups(Functions.Call call) throws WsError {
        Site site = call.site();
        Site.Course course = CourseFunctions.course(call, "courseid");
        List<Object> result = new ArrayList<>();
        site.groups.values().stream().filter(g -> g.courseId == course.id)
                .sorted(Comparator.comparing((Site.Group g) -> g.name))
                .forEach(g -> result.add(obj().put("id", g.id).put("courseid", g.courseId).put("name", g.name)
                        .put("description", g.description).put("descriptionformat", g.descriptionformat)
                        .put("enrolmentkey", g.enrolmentkey).put("idnumber", g.idnumber).put("visibility", 0)
                        .put("participation", true)));
        return Out.array(result);
    }

    /** All or nothing: one member who is not enrolled in the group's course fails the whole call. */
    private static JsonValue addMembers(Functions.Call call) throws WsError {
        Site site = call.site();
        String ctx = Args.inside("members");
        List<Runnable> changes = new ArrayList<>();
        for (FormParams item : call.params().list("members")) {
            long groupId = Args.requiredInt(item, "groupid", ctx);
            long userId = Args.requiredInt(item, "userid", ctx);
            Site.Group group = site.groups.get(groupId);
            if (group == null) {
                throw WsError.missingRecord("groups");
            }
            if (site.user(userId) == null) {
                throw WsError.invalidUser();
            }
            if (!site.isEnrolled(userId, group.courseId)) {
                throw WsError.invalidParameter("Only enrolled users may be members of groups");
            }
            changes.add(() -> group.members.add(userId));
        }
        changes.forEach(Runnable::run);
        return JsonValue.NULL;
    }

    /** Members are listed by last name, then first name. */
    private static JsonValue members(Functions.Call call) throws WsError {
        Site site = call.site();
        List<Object> result = new ArrayList<>();
        for (String id : call.params().strings("groupids")) {
            Site.Group group = site.groups.get(Args.toInt("groupids", id, ""));
            if (group == null) {
                throw WsError.missingRecord("groups");
            }
            List<Object> userIds = new ArrayList<>();
            group.members.stream().map(site::user)
                    .sorted(Comparator.comparing(Site.User::sortKey))
                    .forEach(u -> userIds.add(u.id));
            result.add(obj().put("groupid", group.id).put("userids", userIds));
        }
        return Out.array(result);
    }
}
