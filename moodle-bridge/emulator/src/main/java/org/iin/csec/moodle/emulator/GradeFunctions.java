package org.iin.csec.moodle.emulator;

import static org.iin.csec.moodle.emulator.Out.obj;

import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** gradereport_user_get_grade_items and core_grades_get_gradeitems, with natural (sum) aggregation. */
final class GradeFunctions {

    private GradeFunctions() {
    }

    static void register(Map<String, Functions.Handler> handlers) {
        handlers.put("gradereport_user_get_grade_items", GradeFunctions::userGradeItems);
        handlers.put("core_grades_get_gradeitems", GradeFunctions::gradeItems);
    }

    /** One user, or every enrolled student ordered by last name when userid is omitted. */
    private static JsonValue userGradeItems(Functions.Call call) throws WsError {
        Site site = call.site();
        Site.Course course = CourseFunctions.course(call, "courseid");
        long userId = Args.optionalInt(call.params(), "userid", 0, "");
        List<Site.User> users = new ArrayList<>();
        if (userId != 0) {
            Site.User user = site.user(userId);
            if (user == null) {
                throw WsError.invalidUser();
            }
            users.add(user);
        } else {
            course.enrolments.values().stream().filter(e -> e.roleId == Site.STUDENT_ROLE)
                    .map(e -> site.user(e.userId)).sorted(Comparator.comparing(Site.User::sortKey))
                    .forEach(users::add);
        }
        List<Site.Module> graded = site.modulesOf(course).stream().filter(m -> m.gradeItem != null).toList();
        double courseMax = graded.stream().mapToDouble(m -> m.gradeItem.grademax).sum();
        List<Object> usergrades = new ArrayList<>();
        for (Site.User user : users) {
            List<Object> items = new ArrayList<>();
            Double total = null;
            long lastGraded = 0;
            for (Site.Module m : graded) {
                double[] grade = m.gradeItem.grades.get(user.id);
                Out.Obj item = obj().put("id", m.gradeItem.id).put("itemname", m.name).put("itemtype", "mod")
                        .put("itemmodule", m.modname).put("iteminstance", m.instance).put("itemnumber", 0)
                        .put("idnumber", m.gradeItem.idnumber).put("categoryid", course.gradeCategoryId)
                        .put("outcomeid", null).put("scaleid", null).put("locked", false).put("cmid", m.cmid);
                if (grade != null) {
                    item.put("weightraw", m.gradeItem.grademax / courseMax)
                            .put("weightformatted", percent(100 * m.gradeItem.grademax / courseMax));
                    total = (total == null ? 0 : total) + grade[0];
                    lastGraded = Math.max(lastGraded, (long) grade[1]);
                }
                values(item, grade == null ? null : grade[0], grade == null ? null : (long) grade[1],
                        m.gradeItem.grademax);
                items.add(item);
            }
            if (course.courseGradeItemId != 0) {
                Out.Obj item = obj().put("id", course.courseGradeItemId).put("itemname", null).put("itemtype", "course")
                        .put("itemmodule", null).put("iteminstance", course.gradeCategoryId).put("itemnumber", null)
                        .put("idnumber", null).put("categoryid", null).put("outcomeid", null).put("scaleid", null)
                        .put("locked", false);
                values(item, total, total == null ? null : lastGraded, courseMax);
                items.add(item);
            }
            usergrades.add(obj().put("courseid", course.id).put("courseidnumber", course.idnumber)
                    .put("userid", user.id).put("userfullname", user.fullname()).put("useridnumber", user.idnumber)
                    .put("maxdepth", 2).put("gradeitems", items));
        }
        return obj().put("usergrades", usergrades).put("warnings", List.of()).build();
    }

    private static void values(Out.Obj item, Double grade, Long dategraded, double grademax) {
        item.put("graderaw", grade).put("gradedatesubmitted", null).put("gradedategraded", dategraded)
                .put("gradehiddenbydate", false).put("gradeneedsupdate", false).put("gradeishidden", false)
                .put("gradeislocked", false).put("gradeisoverridden", false)
                .put("gradeformatted", grade == null ? "-" : String.format(Locale.ROOT, "%.2f", grade))
                .put("grademin", 0).put("grademax", grademax)
                .put("rangeformatted", "0&ndash;" + PhpJson.number(java.math.BigDecimal.valueOf(grademax)))
                .put("percentageformatted", grade == null ? "-" : percent(100 * grade / grademax))
                .put("feedback", "").put("feedbackformat", grade == null ? 0 : 2);
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f %%", value);
    }

    /** Grade item ids come back as strings here, unlike everywhere else. */
    private static JsonValue gradeItems(Functions.Call call) throws WsError {
        Site site = call.site();
        Site.Course course = CourseFunctions.course(call, "courseid");
        List<Object> items = new ArrayList<>();
        site.modulesOf(course).stream().filter(m -> m.gradeItem != null)
                .forEach(m -> items.add(obj().put("id", String.valueOf(m.gradeItem.id)).put("itemname", m.name)
                        .put("category", course.fullname)));
        return obj().put("gradeItems", items).put("warnings", List.of()).build();
    }
}
