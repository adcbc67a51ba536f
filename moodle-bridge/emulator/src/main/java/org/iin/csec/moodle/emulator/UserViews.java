package org.iin.csec.moodle.emulator;

import static org.iin.csec.moodle.emulator.Out.obj;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two shapes Moodle gives a user in: the user functions' details, and core_enrol_get_enrolled_users' entries.
 * Empty fields are left out rather than sent as "" or null, and the e-mail only appears when the caller may see it.
 */
final class UserViews {

    private static final Map<Integer, String> ROLES = Map.of(1, "manager", 2, "coursecreator", 3, "editingteacher",
            4, "teacher", 5, "student", 6, "guest", 7, "user", 8, "frontpage");

    private UserViews() {
    }

    static String roleShortName(int roleId) {
        return ROLES.get(roleId);
    }

    /** core_user_get_users and core_user_get_users_by_field. */
    static Out.Obj details(Site site, Site.User u) {
        Out.Obj o = obj().put("id", u.id).put("username", u.username).put("firstname", u.firstname)
                .put("lastname", u.lastname).put("fullname", u.fullname());
        if (site.emailVisible(u) && !u.email.isEmpty()) {
            o.put("email", u.email);
        }
        o.put("department", "");
        if (!u.idnumber.isEmpty()) {
            o.put("idnumber", u.idnumber);
        }
        o.put("firstaccess", 0).put("lastaccess", 0).put("auth", u.auth).put("suspended", u.suspended)
                .put("confirmed", true).put("lang", u.lang).put("theme", "").put("timezone", u.timezone)
                .put("mailformat", 1).put("trackforums", 0);
        if (!u.city.isEmpty()) {
            o.put("city", u.city);
        }
        if (!u.country.isEmpty()) {
            o.put("country", u.country);
        }
        o.put("profileimageurlsmall", site.profileImage(true)).put("profileimageurl", site.profileImage(false));
        List<Object> fields = customFields(site, u, true);
        if (!fields.isEmpty()) {
            o.put("customfields", fields);
        }
        if (u.id == site.callerId) {
            o.put("preferences", List.of(
                    obj().put("name", "auth_manual_passwordupdatetime").put("value", String.valueOf(site.installTime)),
                    obj().put("name", "last_time_enrolments_synced").put("value", String.valueOf(site.installTime)),
                    obj().put("name", "_lastloaded").put("value", site.now())));
        }
        return o;
    }

    /** Whether the field searched by must show in the details for Moodle to return the user at all. */
    static boolean shows(Site site, Site.User u, String field) {
        return switch (field) {
            case "email" -> site.emailVisible(u) && !u.email.isEmpty();
            case "idnumber" -> !u.idnumber.isEmpty();
            default -> true;
        };
    }

    /** core_enrol_get_enrolled_users; {@code fields} null means every field, else id, fullname and those listed. */
    static Out.Obj enrolled(Site site, Site.User u, Site.Course course, Set<String> fields) {
        Out.Obj o = obj();
        Map<String, Object> all = new java.util.LinkedHashMap<>();
        all.put("id", u.id);
        all.put("username", u.username);
        all.put("firstname", u.firstname);
        all.put("lastname", u.lastname);
        all.put("fullname", u.fullname());
        if (site.emailVisible(u) && !u.email.isEmpty()) {
            all.put("email", u.email);
        }
        all.put("department", "");
        if (!u.idnumber.isEmpty()) {
            all.put("idnumber", u.idnumber);
        }
        all.put("firstaccess", 0);
        all.put("lastaccess", 0);
        all.put("lastcourseaccess", 0);
        if (!u.city.isEmpty()) {
            all.put("city", u.city);
        }
        if (!u.country.isEmpty()) {
            all.put("country", u.country);
        }
        all.put("profileimageurlsmall", site.profileImage(true));
        all.put("profileimageurl", site.profileImage(false));
        List<Object> custom = customFields(site, u, false);
        if (!custom.isEmpty()) {
            all.put("customfields", custom);
        }
        List<Object> groups = new ArrayList<>();
        site.groups.values().stream()
                .filter(g -> g.courseId == course.id && g.members.contains(u.id))
                .sorted((a, b) -> a.name.compareTo(b.name))
                .forEach(g -> groups.add(obj().put("id", g.id).put("name", g.name).put("description", g.description)
                        .put("descriptionformat", g.descriptionformat)));
        if (!groups.isEmpty()) {
            all.put("groups", groups);
        }
        Site.Enrolment enrolment = course.enrolments.get(u.id);
        all.put("roles", List.of(obj().put("roleid", enrolment.roleId).put("name", "")
                .put("shortname", roleShortName(enrolment.roleId)).put("sortorder", 0)));
        List<Object> courses = new ArrayList<>();
        site.coursesOf(u.id).forEach(c -> courses.add(obj().put("id", c.id).put("fullname", c.fullname)
                .put("shortname", c.shortname)));
        all.put("enrolledcourses", courses);
        all.forEach((key, value) -> {
            if (fields == null || fields.contains(key) || key.equals("id") || key.equals("fullname")) {
                o.put(key, value);
            }
        });
        return o;
    }

    private static List<Object> customFields(Site site, Site.User u, boolean withDisplayValue) {
        List<Object> list = new ArrayList<>();
        u.customFields.forEach((shortname, value) -> {
            if (!value.isEmpty() && site.profileFields.containsKey(shortname)) {
                Out.Obj field = obj().put("type", "text").put("value", value);
                if (withDisplayValue) {
                    field.put("displayvalue", value);
                }
                list.add(field.put("name", site.profileFields.get(shortname)).put("shortname", shortname));
            }
        });
        return list;
    }
}
