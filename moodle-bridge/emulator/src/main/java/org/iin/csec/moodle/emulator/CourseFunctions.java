package org.iin.csec.moodle.emulator;

import static org.iin.csec.moodle.emulator.Out.obj;

import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** core_course_create_courses, core_course_get_courses, core_course_get_courses_by_field, core_course_get_contents. */
final class CourseFunctions {

    private static final long YEAR = 365L * 24 * 3600;
    private static final String[] FILTERS = {"displayh5p", "activitynames", "mathjaxloader", "emoticon", "urltolink",
        "mediaplugin"};

    private CourseFunctions() {
    }

    static void register(Map<String, Functions.Handler> handlers) {
        handlers.put("core_course_create_courses", CourseFunctions::createCourses);
        handlers.put("core_course_get_courses", CourseFunctions::getCourses);
        handlers.put("core_course_get_courses_by_field", CourseFunctions::coursesByField);
        handlers.put("core_course_get_contents", CourseFunctions::contents);
    }

    /** A course id that is missing, or names no course, fails as Moodle's read functions do. */
    static Site.Course course(Functions.Call call, String key) throws WsError {
        long id = Args.requiredInt(call.params(), key, "");
        Site.Course course = call.site().courses.get(id);
        if (course == null) {
            throw WsError.missingRecord("course");
        }
        return course;
    }

    private static JsonValue createCourses(Functions.Call call) throws WsError {
        Site site = call.site();
        String ctx = Args.inside("courses");
        List<FormParams> items = call.params().list("courses");
        for (FormParams item : items) {
            Args.required(item, "fullname", ctx);
            Args.required(item, "shortname", ctx);
            Args.requiredInt(item, "categoryid", ctx);
        }
        List<Site.Course> created = new ArrayList<>();
        try {
            List<Object> result = new ArrayList<>();
            for (FormParams item : items) {
                Site.Course course = createOne(site, item, ctx);
                created.add(course);
                result.add(obj().put("id", course.id).put("shortname", course.shortname));
            }
            return Out.array(result);
        } catch (WsError e) {
            created.forEach(c -> site.courses.remove(c.id));
            throw e;
        }
    }

    private static Site.Course createOne(Site site, FormParams item, String ctx) throws WsError {
        String shortname = item.string("shortname");
        String idnumber = Args.optional(item, "idnumber", "");
        if (site.courses.values().stream().anyMatch(c -> c.shortname.equals(shortname))) {
            throw WsError.moodle("shortnametaken", "Short name is already used for another course (" + shortname + ")");
        }
        if (!idnumber.isEmpty() && site.courses.values().stream().anyMatch(c -> c.idnumber.equals(idnumber))) {
            throw WsError.moodle("courseidnumbertaken", "ID number is already used for another course ("
                    + idnumber + ")");
        }
        long categoryId = Args.requiredInt(item, "categoryid", ctx);
        if (categoryId != 1) {
            throw WsError.missingRecord("course_categories");
        }
        Site.Course course = site.addCourse(shortname, item.string("fullname"), categoryId);
        course.idnumber = idnumber;
        course.summary = Args.optional(item, "summary", "");
        course.summaryformat = (int) Args.optionalInt(item, "summaryformat", 1, ctx);
        course.format = Args.optional(item, "format", "topics");
        course.visible = (int) Args.optionalInt(item, "visible", 1, ctx);
        // The web-service role lacks moodle/course:setforcedlanguage, so a forced language is dropped.
        Args.optional(item, "lang", "");
        long midnight = LocalDate.ofInstant(site.clock.instant(), ZoneOffset.UTC)
                .atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        course.startdate = Args.optionalInt(item, "startdate", midnight, ctx);
        course.enddate = Args.optionalInt(item, "enddate", course.startdate + YEAR, ctx);
        course.enablecompletion = Args.optionalBool(item, "enablecompletion", false, ctx);
        for (FormParams option : item.list("courseformatoptions")) {
            if ("numsections".equals(option.string("name"))) {
                course.numsections = (int) Args.toInt("value", Args.optional(option, "value", "0"), ctx);
            }
        }
        site.addSections(course);
        return course;
    }

    private static JsonValue getCourses(Functions.Call call) throws WsError {
        Site site = call.site();
        FormParams options = call.params().child("options");
        List<Object> result = new ArrayList<>();
        if (options == null || !options.has("ids")) {
            site.courses.values().forEach(c -> result.add(course(site, c)));
        } else {
            for (String id : options.strings("ids")) {
                Site.Course c = site.courses.get(Args.toInt("ids", id, Args.inside("options")));
                if (c != null) {
                    result.add(course(site, c));
                }
            }
        }
        return Out.array(result);
    }

    /** core_course_get_courses' shape; the front page ("site" format) has its own few differences. */
    private static Out.Obj course(Site site, Site.Course c) {
        Out.Obj o = obj().put("id", c.id).put("shortname", c.shortname).put("categoryid", c.categoryId)
                .put("categorysortorder", sortorder(site, c)).put("fullname", c.fullname).put("displayname", c.fullname)
                .put("idnumber", c.idnumber).put("summary", c.summary).put("summaryformat", c.summaryformat)
                .put("format", c.format).put("showgrades", 1).put("newsitems", c.newsitems)
                .put("startdate", c.startdate).put("enddate", c.enddate).put("numsections", c.numsections)
                .put("maxbytes", 0).put("showreports", 0).put("visible", c.visible);
        if (!c.site) {
            o.put("hiddensections", 1);
        }
        o.put("groupmode", 0).put("groupmodeforce", 0).put("defaultgroupingid", 0)
                .put("timecreated", c.timecreated).put("timemodified", c.timemodified)
                .put("enablecompletion", c.enablecompletion ? 1 : 0).put("completionnotify", 0)
                .put("lang", c.lang).put("forcetheme", "");
        if (c.site) {
            o.put("courseformatoptions", List.of(obj().put("name", "numsections").put("value", c.numsections)))
                    .put("showactivitydates", false).put("showcompletionconditions", null);
        } else {
            o.put("courseformatoptions", List.of(obj().put("name", "hiddensections").put("value", 1),
                    obj().put("name", "coursedisplay").put("value", 0)))
                    .put("showactivitydates", true).put("showcompletionconditions", true);
        }
        return o;
    }

    /** Newer courses are listed first in their category: sort order 10000 + position. */
    private static long sortorder(Site site, Site.Course c) {
        if (c.site) {
            return 1;
        }
        long newer = site.courses.values().stream().filter(o -> !o.site && o.categoryId == c.categoryId
                && o.id > c.id).count();
        return 10000 + newer + 1;
    }

    private static JsonValue coursesByField(Functions.Call call) throws WsError {
        Site site = call.site();
        String field = Args.optional(call.params(), "field", "");
        String value = Args.optional(call.params(), "value", "");
        List<Object> courses = new ArrayList<>();
        for (Site.Course c : site.courses.values()) {
            if (c.site) {
                continue;
            }
            boolean hit = switch (field) {
                case "" -> true;
                case "id" -> value.equals(String.valueOf(c.id));
                case "ids" -> List.of(value.split(",")).contains(String.valueOf(c.id));
                case "shortname" -> value.equals(c.shortname);
                case "idnumber" -> value.equals(c.idnumber);
                case "category" -> value.equals(String.valueOf(c.categoryId));
                default -> throw WsError.invalidParameter("invalid field name");
            };
            if (hit) {
                courses.add(courseInList(site, c));
            }
        }
        return obj().put("courses", courses).put("warnings", List.of()).build();
    }

    static String courseImage(Site site, Site.Course c) {
        return site.baseUrl + "/pluginfile.php/" + c.contextId + "/course/generated/course.svg";
    }

    private static Out.Obj courseInList(Site site, Site.Course c) {
        List<Object> filters = new ArrayList<>();
        for (String filter : FILTERS) {
            filters.add(obj().put("filter", filter).put("localstate", 0).put("inheritedstate", 1));
        }
        return obj().put("id", c.id).put("fullname", c.fullname).put("displayname", c.fullname)
                .put("shortname", c.shortname).put("courseimage", courseImage(site, c))
                .put("categoryid", c.categoryId).put("categoryname", "Category 1").put("sortorder", sortorder(site, c))
                .put("summary", c.summary).put("summaryformat", c.summaryformat).put("summaryfiles", List.of())
                .put("overviewfiles", List.of()).put("showactivitydates", true).put("showcompletionconditions", true)
                .put("contacts", List.of()).put("enrollmentmethods", List.of("manual")).put("idnumber", c.idnumber)
                .put("format", c.format).put("showgrades", 1).put("newsitems", c.newsitems)
                .put("startdate", c.startdate).put("enddate", c.enddate).put("maxbytes", 0).put("showreports", 0)
                .put("visible", c.visible).put("groupmode", 0).put("groupmodeforce", 0).put("defaultgroupingid", 0)
                .put("enablecompletion", c.enablecompletion ? 1 : 0).put("completionnotify", 0).put("lang", c.lang)
                .put("theme", "").put("marker", 0).put("legacyfiles", 0).put("calendartype", "")
                .put("timecreated", c.timecreated).put("timemodified", c.timemodified).put("requested", 0)
                .put("cacherev", c.cacherev).put("filters", filters)
                .put("courseformatoptions", List.of(obj().put("name", "hiddensections").put("value", 1),
                        obj().put("name", "coursedisplay").put("value", 0),
                        obj().put("name", "indentation").put("value", "1")));
    }

    /** Sections and the activities the caller can see, each with the caller's own completion data. */
    private static JsonValue contents(Functions.Call call) throws WsError {
        Site site = call.site();
        Site.Course course = course(call, "courseid");
        List<Site.Module> modules = site.modulesOf(course);
        List<Object> sections = new ArrayList<>();
        for (int section = 0; section < course.sectionIds.size(); section++) {
            List<Object> list = new ArrayList<>();
            for (Site.Module m : modules) {
                if (m.section == section && site.canSee(m)) {
                    list.add(module(site, course, m, call.caller()));
                }
            }
            sections.add(obj().put("id", course.sectionIds.get(section))
                    .put("name", section == 0 ? "General" : "New section").put("visible", 1).put("summary", "")
                    .put("summaryformat", 1).put("section", section).put("hiddenbynumsections", 0)
                    .put("uservisible", true).put("component", null).put("itemid", null).put("modules", list));
        }
        return Out.array(sections);
    }

    private static Out.Obj module(Site site, Site.Course course, Site.Module m, long caller) {
        ModuleType type = ModuleType.of(m.modname);
        Out.Obj o = obj().put("id", m.cmid).put("url", site.baseUrl + "/mod/" + m.modname + "/view.php?id=" + m.cmid)
                .put("name", m.name).put("instance", m.instance).put("contextid", m.contextId).put("visible", 1)
                .put("uservisible", true).put("visibleoncoursepage", 1)
                .put("modicon", site.themeImage(m.modname, "monologo?filtericon=1")).put("modname", m.modname)
                .put("purpose", type.purpose).put("branded", false).put("modplural", type.plural)
                .put("availability", null).put("indent", 0).put("onclick", "").put("afterlink", null);
        if (type.hasActivityBadge) {
            o.put("activitybadge", List.of());
        }
        o.put("customdata", type.customData).put("noviewlink", false).put("completion", m.completion.tracking);
        if (m.completion != CompletionRule.NONE) {
            Site.ActivityState state = m.state(caller);
            o.put("completiondata", obj().put("state", state.state).put("timecompleted", state.timecompleted)
                    .put("overrideby", state.overrideby).put("valueused", false).put("hascompletion", true)
                    .put("isautomatic", m.completion == CompletionRule.ON_VIEW)
                    .put("istrackeduser", course.enrolments.containsKey(caller)).put("uservisible", true)
                    .put("details", CompletionFunctions.ruleDetails(m, state)).put("isoverallcomplete", state.state > 0));
        }
        o.put("downloadcontent", 1).put("dates", List.of()).put("groupmode", 0);
        if (m.modname.equals("page")) {
            o.put("contents", List.of(obj().put("type", "file").put("filename", "index.html").put("filepath", "/")
                    .put("filesize", 0)
                    .put("fileurl", site.baseUrl + "/webservice/pluginfile.php/" + m.contextId
                            + "/mod_page/content/index.html?forcedownload=1")
                    .put("timecreated", null).put("timemodified", m.timemodified).put("sortorder", 1)
                    .put("userid", null).put("author", null).put("license", null)))
                    .put("contentsinfo", obj().put("filescount", 1).put("filessize", 0)
                            .put("lastmodified", m.timemodified).put("mimetypes", List.of()).put("repositorytype", ""));
        }
        return o;
    }

    /** What Moodle says about each activity type in course contents and completion criteria. */
    enum ModuleType {
        FORUM("forum", "collaboration", "Forums", "{\"trackingtype\":\"1\"}", true, "forum"),
        PAGE("page", "content", "Pages", "\"\"", false, "page"),
        ASSIGN("assign", "assessment", "Assignments", "{\"customcompletionrules\":{\"completionsubmit\":\"0\"}}",
                false, "assignment"),
        QUIZ("quiz", "assessment", "Quizzes", "\"\"", false, "quiz"),
        OTHER("", "other", "Activities", "\"\"", false, "activity");

        final String modname;
        final String purpose;
        final String plural;
        final String customData;
        final boolean hasActivityBadge;
        final String label;

        ModuleType(String modname, String purpose, String plural, String customData, boolean hasActivityBadge,
                String label) {
            this.modname = modname;
            this.purpose = purpose;
            this.plural = plural;
            this.customData = customData;
            this.hasActivityBadge = hasActivityBadge;
            this.label = label;
        }

        static ModuleType of(String modname) {
            for (ModuleType type : values()) {
                if (type.modname.equals(modname)) {
                    return type;
                }
            }
            return OTHER;
        }
    }
}
