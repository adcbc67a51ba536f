package org.iin.csec.moodle.emulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The emulated site's data: users, courses, activities, enrolments, groups, cohorts, completion, grades and messages,
 * with Moodle's id sequences. Not thread-safe: the emulator serialises every access on this object.
 */
final class Site {

    static final int STUDENT_ROLE = 5;
    static final String VIEW_USER_IDENTITY = "moodle/site:viewuseridentity";
    static final String MESSAGE_ANY_USER = "moodle/site:messageanyuser";

    final Clock clock;
    /** When the site was installed; Moodle also uses it as the theme revision inside image URLs. */
    final long installTime;
    final String siteName;
    final String privateAccessKey;
    final long callerId;
    String baseUrl = "http://127.0.0.1";
    boolean debugging;

    final TreeMap<Long, User> users = new TreeMap<>();
    final TreeMap<Long, Course> courses = new TreeMap<>();
    final TreeMap<Long, Module> modules = new TreeMap<>();
    final TreeMap<Long, Group> groups = new TreeMap<>();
    final TreeMap<Long, Cohort> cohorts = new TreeMap<>();
    final List<Message> messages = new ArrayList<>();
    final Map<String, String> profileFields = new LinkedHashMap<>();
    final Map<String, Long> conversations = new HashMap<>();
    final Set<String> revokedCapabilities = new HashSet<>();
    final List<String> serviceFunctions = new ArrayList<>(Functions.SERVICE);

    private long nextUserId = 1;
    private long nextCourseId = 1;
    private long nextCmid = 1;
    private long nextSectionId = 1;
    private long nextContextId = 1;
    private long nextGroupId = 1;
    private long nextCohortId = 1;
    private long nextMessageId = 1;
    private long nextConversationId = 1;
    private long nextGradeItemId = 1;
    private long nextGradeCategoryId = 1;
    private final Map<String, Long> nextInstance = new HashMap<>();

    Site(Clock clock, String siteName, String siteShortName, String privateAccessKey) {
        this.clock = clock;
        this.installTime = now();
        this.siteName = siteName;
        this.privateAccessKey = privateAccessKey;
        nextContextId = 2; // 1 is the system context
        Course front = new Course(nextCourseId++, nextContextId++);
        front.site = true;
        front.shortname = siteShortName;
        front.fullname = siteName;
        front.categoryId = 0;
        front.format = "site";
        front.summaryformat = 0;
        front.numsections = 1;
        front.newsitems = 3;
        front.timecreated = front.timemodified = front.cacherev = installTime;
        courses.put(front.id, front);

        addUser("guest", "Guest user", " ", "root@localhost");
        addUser("admin", "Admin", "User", "admin@example.com").maildisplay = 1; // admins' addresses are public
        this.callerId = addUser("wsbridge", "CSEC", "Bridge", "wsbridge@example.com").id;
    }

    long now() {
        return clock.instant().getEpochSecond();
    }

    // ---- id sequences -------------------------------------------------------------------------------------------

    long nextUserId() {
        return nextUserId++;
    }

    long nextGroupId() {
        return nextGroupId++;
    }

    long nextCohortId() {
        return nextCohortId++;
    }

    long nextMessageId() {
        return nextMessageId++;
    }

    long conversationBetween(long a, long b) {
        String key = Math.min(a, b) + "-" + Math.max(a, b);
        return conversations.computeIfAbsent(key, k -> nextConversationId++);
    }

    // ---- seeding helpers ----------------------------------------------------------------------------------------

    User addUser(String username, String firstname, String lastname, String email) {
        User user = new User(nextUserId++);
        user.username = username;
        user.firstname = firstname;
        user.lastname = lastname;
        user.email = email;
        users.put(user.id, user);
        return user;
    }

    Course addCourse(String shortname, String fullname, long categoryId) {
        Course course = new Course(nextCourseId++, nextContextId++);
        course.shortname = shortname;
        course.fullname = fullname;
        course.categoryId = categoryId;
        course.timecreated = course.timemodified = course.cacherev = now();
        courses.put(course.id, course);
        return course;
    }

    void addSections(Course course) {
        for (int i = 0; i <= course.numsections; i++) {
            course.sectionIds.add(nextSectionId++);
        }
    }

    Module addModule(Course course, int section, String modname, String name, CompletionRule completion) {
        while (course.sectionIds.size() <= section) {
            course.sectionIds.add(nextSectionId++);
            course.numsections = course.sectionIds.size() - 1;
        }
        Module module = new Module(nextCmid++, course.id, nextContextId++);
        module.instance = nextInstance.merge(modname, 1L, Long::sum);
        module.modname = modname;
        module.name = name;
        module.section = section;
        module.completion = completion;
        module.timemodified = now();
        modules.put(module.cmid, module);
        return module;
    }

    GradeItem addGradeItem(Module module, double grademax, String idnumber) {
        Course course = courses.get(module.courseId);
        if (course.courseGradeItemId == 0) {
            course.gradeCategoryId = nextGradeCategoryId++;
            course.courseGradeItemId = nextGradeItemId++;
        }
        GradeItem item = new GradeItem(nextGradeItemId++, grademax, idnumber);
        module.gradeItem = item;
        return item;
    }

    // ---- questions the functions ask ----------------------------------------------------------------------------

    User user(long id) {
        return users.get(id);
    }

    User userByUsername(String username) {
        return users.values().stream().filter(u -> u.username.equals(username)).findFirst().orElse(null);
    }

    boolean emailTaken(String email, long exceptUserId) {
        return users.values().stream()
                .anyMatch(u -> u.id != exceptUserId && u.email.equalsIgnoreCase(email));
    }

    boolean has(String capability) {
        return !revokedCapabilities.contains(capability);
    }

    /** Activities of a type whose {@code mod/<modname>:view} the caller lacks are invisible to it. */
    boolean canSee(Module module) {
        return has("mod/" + module.modname + ":view");
    }

    boolean isEnrolled(long userId, long courseId) {
        Course course = courses.get(courseId);
        return course != null && course.enrolments.containsKey(userId);
    }

    boolean isActive(Enrolment enrolment) {
        long now = now();
        User user = users.get(enrolment.userId);
        return !enrolment.suspended && (user == null || !user.suspended)
                && (enrolment.timestart == 0 || enrolment.timestart <= now)
                && (enrolment.timeend == 0 || enrolment.timeend > now);
    }

    boolean sharesCourse(long a, long b) {
        return courses.values().stream()
                .anyMatch(c -> c.enrolments.containsKey(a) && c.enrolments.containsKey(b));
    }

    /** Moodle's rule: self, a public address, a shared course for "course members", or viewuseridentity. */
    boolean emailVisible(User target) {
        return target.id == callerId
                || target.maildisplay == 1
                || (target.maildisplay == 2 && sharesCourse(callerId, target.id))
                || has(VIEW_USER_IDENTITY);
    }

    List<Course> coursesOf(long userId) {
        List<Course> list = new ArrayList<>();
        courses.values().forEach(c -> {
            if (c.enrolments.containsKey(userId)) {
                list.add(c);
            }
        });
        return list;
    }

    List<Module> modulesOf(Course course) {
        List<Module> list = new ArrayList<>();
        modules.values().forEach(m -> {
            if (m.courseId == course.id) {
                list.add(m);
            }
        });
        list.sort((x, y) -> x.section != y.section ? Integer.compare(x.section, y.section)
                : Long.compare(x.cmid, y.cmid));
        return list;
    }

    // ---- URLs ---------------------------------------------------------------------------------------------------

    String themeImage(String component, String image) {
        return baseUrl + "/theme/image.php/boost/" + component + "/" + installTime + "/" + image;
    }

    String profileImage(boolean small) {
        return themeImage("core", small ? "u/f2" : "u/f1");
    }

    // ---- completion ---------------------------------------------------------------------------------------------

    /**
     * Records that a learner's activity state changed. A completed activity completes its course criterion once
     * (never revoked by a later reset); with activity criteria only, the course completes at once, as Moodle 4.5
     * does; self completion waits for {@link #runCompletionTasks()}.
     */
    void activityStateChanged(Module module, long userId, ActivityState state) {
        Course course = courses.get(module.courseId);
        if (state.state == 0 || !course.enrolments.containsKey(userId)) {
            return;
        }
        for (Criterion criterion : course.criteria) {
            if (criterion.cmid != null && criterion.cmid == module.cmid) {
                criterion.completedAt.putIfAbsent(userId, state.timecompleted);
            }
        }
        boolean activityOnly = course.criteria.stream().allMatch(c -> c.type == Criterion.ACTIVITY);
        if (activityOnly) {
            aggregate(course, userId);
        }
    }

    void runCompletionTasks() {
        for (Course course : courses.values()) {
            for (Long userId : course.enrolments.keySet()) {
                aggregate(course, userId);
            }
        }
    }

    private void aggregate(Course course, long userId) {
        if (!course.criteria.isEmpty()
                && course.criteria.stream().allMatch(c -> c.completedAt.containsKey(userId))) {
            course.completedAt.putIfAbsent(userId, now());
        }
    }

    // ---- model --------------------------------------------------------------------------------------------------

    static final class User {
        final long id;
        String username;
        String password = "";
        String auth = "manual";
        String firstname;
        String lastname;
        String email;
        String idnumber = "";
        String city = "";
        String country = "";
        String lang = "en";
        String timezone = "99";
        int maildisplay = 2;
        boolean suspended;
        final Map<String, String> customFields = new LinkedHashMap<>();

        User(long id) {
            this.id = id;
        }

        String fullname() {
            return firstname + " " + lastname;
        }

        String sortKey() {
            return (lastname + " " + firstname).toLowerCase(Locale.ROOT);
        }
    }

    static final class Course {
        final long id;
        final long contextId;
        boolean site;
        String shortname;
        String fullname;
        String idnumber = "";
        String summary = "";
        String format = "topics";
        String lang = "";
        int summaryformat = 1;
        int visible = 1;
        int numsections;
        int newsitems = 5;
        long categoryId = 1;
        long startdate;
        long enddate;
        long timecreated;
        long timemodified;
        long cacherev;
        boolean enablecompletion;
        final List<Long> sectionIds = new ArrayList<>();
        final Map<Long, Enrolment> enrolments = new LinkedHashMap<>();
        final List<Criterion> criteria = new ArrayList<>();
        final Map<Long, Long> completedAt = new HashMap<>();
        long gradeCategoryId;
        long courseGradeItemId;

        Course(long id, long contextId) {
            this.id = id;
            this.contextId = contextId;
        }
    }

    static final class Enrolment {
        final long userId;
        int roleId;
        long timestart;
        long timeend;
        boolean suspended;

        Enrolment(long userId) {
            this.userId = userId;
        }
    }

    static final class Module {
        final long cmid;
        final long courseId;
        final long contextId;
        long instance;
        long timemodified;
        String modname;
        String name;
        int section;
        CompletionRule completion;
        final Map<Long, ActivityState> states = new HashMap<>();
        GradeItem gradeItem;

        Module(long cmid, long courseId, long contextId) {
            this.cmid = cmid;
            this.courseId = courseId;
            this.contextId = contextId;
        }

        ActivityState state(long userId) {
            return states.getOrDefault(userId, new ActivityState());
        }
    }

    static final class ActivityState {
        int state;
        long timecompleted;
        Long overrideby;
    }

    static final class Criterion {
        static final int SELF = 1;
        static final int ACTIVITY = 4;

        final int type;
        final Long cmid;
        final Map<Long, Long> completedAt = new HashMap<>();

        Criterion(int type, Long cmid) {
            this.type = type;
            this.cmid = cmid;
        }
    }

    static final class GradeItem {
        final long id;
        final double grademax;
        final String idnumber;
        final Map<Long, double[]> grades = new HashMap<>(); // userId -> {grade, dategraded}

        GradeItem(long id, double grademax, String idnumber) {
            this.id = id;
            this.grademax = grademax;
            this.idnumber = idnumber;
        }
    }

    static final class Group {
        final long id;
        final long courseId;
        String name;
        String description = "";
        int descriptionformat = 1;
        String idnumber = "";
        String enrolmentkey;
        final Set<Long> members = new LinkedHashSet<>();

        Group(long id, long courseId) {
            this.id = id;
            this.courseId = courseId;
        }
    }

    static final class Cohort {
        final long id;
        String name;
        String idnumber = "";
        String description = "";
        int descriptionformat = 1;
        boolean visible = true;
        final Set<Long> members = new LinkedHashSet<>();

        Cohort(long id) {
            this.id = id;
        }
    }

    record Message(long id, long from, long to, long conversationId, long timecreated, String text) {
    }
}
