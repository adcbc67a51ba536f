package org.iin.csec.moodle.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.iin.csec.moodle.BatchOutcome;
import org.iin.csec.moodle.CountryCodes;
import org.iin.csec.moodle.CourseField;
import org.iin.csec.moodle.CreatedUser;
import org.iin.csec.moodle.Enrolment;
import org.iin.csec.moodle.GroupMember;
import org.iin.csec.moodle.MoodleAccessException;
import org.iin.csec.moodle.MoodleClient;
import org.iin.csec.moodle.MoodleCourse;
import org.iin.csec.moodle.MoodleErrorException;
import org.iin.csec.moodle.MoodleException;
import org.iin.csec.moodle.MoodleGroup;
import org.iin.csec.moodle.MoodleUser;
import org.iin.csec.moodle.NewGroup;
import org.iin.csec.moodle.NewUser;
import org.iin.csec.moodle.Unenrolment;
import org.iin.csec.moodle.UserField;
import org.iin.csec.moodle.UserUpdate;
import org.iin.csec.moodle.UserWarning;

/**
 * Puts participants into Moodle courses: account, student enrolment with dates, and state group; and takes them out.
 *
 * <p>Idempotent, because it always looks before it writes: accounts are found by {@code idnumber} (the participant
 * id) first, then by e-mail, and only the missing ones are created; enrolling and adding to a group are idempotent
 * in Moodle; a group is created only if the course does not have it. Running it twice, or again after a crash
 * between Moodle's answer and the caller's commit, creates no second account, enrolment or group.
 *
 * <p>Batched to keep Moodle's per-request cost down. For n new learners in one course with g groups: 1 course check,
 * ceil(n/500) idnumber and ceil(n/500) e-mail lookups, ceil(n/100) creations, ceil(n/100) enrolments, 1 group list,
 * 1 group creation, ceil(n/400) membership calls. 1,750 learners in 35 states: 52 calls.
 *
 * <p>Each learner gets an outcome; a failure concerns only the learners it touches and says whether a later run may
 * succeed as is ({@code retryable}: Moodle down, slow, overloaded) or something must change first (bad data, a
 * conflicting account, Moodle's configuration).
 */
public final class EnrolmentSync {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final MoodleClient moodle;

    public EnrolmentSync(MoodleClient moodle) {
        this.moodle = moodle;
    }

    /** Finds or creates each learner's account, enrols them as student and puts them in their group. */
    public EnrolmentSyncResult enrol(List<LearnerEnrolment> learners) {
        return new Run(learners).execute();
    }

    /**
     * Unenrols learners (batched). Someone no longer enrolled, or whose account was deleted, counts as withdrawn.
     */
    public List<WithdrawalOutcome> withdraw(List<Withdrawal> withdrawals) {
        List<Unenrolment> unenrolments = withdrawals.stream().map(w -> new Unenrolment(w.moodleUserId(), w.courseId()))
                .distinct().toList();
        BatchOutcome<Unenrolment, Unenrolment> outcome = moodle.unenrolUsers(unenrolments);
        Map<Unenrolment, WithdrawalFailure> failures = new HashMap<>();
        outcome.rejected().forEach(r -> {
            if (!r.reason().errorCode().equals("invaliduser")) {
                failures.put(r.item(), new WithdrawalFailure("Moodle refused to unenrol: " + r.reason().getMessage(),
                        false));
            }
        });
        outcome.unconfirmed().forEach(u -> failures.put(u, new WithdrawalFailure(
                "Not confirmed: " + outcome.stoppedBy().getMessage(), outcome.stoppedBy().isRetryable())));
        List<WithdrawalOutcome> result = new ArrayList<>();
        for (Withdrawal w : withdrawals) {
            WithdrawalFailure failure = failures.get(new Unenrolment(w.moodleUserId(), w.courseId()));
            result.add(failure == null ? new WithdrawalOutcome(w, null, false)
                    : new WithdrawalOutcome(w, failure.reason, failure.retryable));
        }
        return result;
    }

    private record WithdrawalFailure(String reason, boolean retryable) {
    }

    /** A participant's account, shared by their enrolments in one or more courses. */
    private static final class Person {
        final String participantId;
        final LearnerEnrolment data;
        long userId;
        boolean created;
        String failure;
        boolean retryable;

        Person(String participantId, LearnerEnrolment data) {
            this.participantId = participantId;
            this.data = data;
        }

        boolean pending() {
            return failure == null;
        }

        void fail(String reason, boolean retry) {
            if (failure == null) {
                failure = reason;
                retryable = retry;
            }
        }
    }

    /** One learner given: a person in a course. */
    private static final class Entry {
        final LearnerEnrolment learner;
        final Person person;
        String failure;
        boolean retryable;

        Entry(LearnerEnrolment learner, Person person) {
            this.learner = learner;
            this.person = person;
        }

        boolean pending() {
            return failure == null && (person == null || person.pending());
        }

        void fail(String reason, boolean retry) {
            if (failure == null) {
                failure = reason;
                retryable = retry;
            }
        }
    }

    /** One sync run's state. */
    private final class Run {
        private final List<Entry> entries = new ArrayList<>();
        private final Map<String, Person> people = new LinkedHashMap<>();
        private final List<String> warnings = new ArrayList<>();
        private boolean emailsHidden;

        Run(List<LearnerEnrolment> learners) {
            for (LearnerEnrolment learner : learners) {
                String problem = problemWith(learner);
                if (problem != null) {
                    Entry entry = new Entry(learner, null);
                    entry.fail(problem, false);
                    entries.add(entry);
                    continue;
                }
                Person person = people.computeIfAbsent(key(learner.participantId()),
                        k -> new Person(learner.participantId().trim(), learner));
                entries.add(new Entry(learner, person));
            }
        }

        EnrolmentSyncResult execute() {
            checkCourses();
            matchByIdNumber();
            matchByEmail();
            createAccounts();
            enrolAll();
            groupAll();
            List<EnrolmentOutcome> outcomes = new ArrayList<>();
            for (Entry e : entries) {
                Person p = e.person;
                String failure = p != null && p.failure != null ? p.failure : e.failure;
                boolean retryable = p != null && p.failure != null ? p.retryable : e.retryable;
                outcomes.add(new EnrolmentOutcome(e.learner, p == null ? 0 : p.userId, p != null && p.created,
                        failure, failure != null && retryable));
            }
            return new EnrolmentSyncResult(outcomes, warnings);
        }

        /** Learners whose course does not exist fail at once, rather than after Moodle rejects each enrolment. */
        private void checkCourses() {
            Set<Long> courseIds = pendingEntries().stream().map(e -> e.learner.courseId())
                    .collect(Collectors.toCollection(TreeSet::new));
            if (courseIds.isEmpty()) {
                return;
            }
            try {
                String ids = courseIds.stream().map(String::valueOf).collect(Collectors.joining(","));
                Set<Long> existing = moodle.getCoursesByField(CourseField.IDS, ids).stream().map(MoodleCourse::id)
                        .collect(Collectors.toSet());
                pendingEntries().stream().filter(e -> !existing.contains(e.learner.courseId()))
                        .forEach(e -> e.fail("Course " + e.learner.courseId() + " does not exist in Moodle", false));
            } catch (MoodleException e) {
                pendingEntries().forEach(entry -> entry.fail(e.getMessage(), e.isRetryable()));
            }
        }

        private void matchByIdNumber() {
            List<Person> wanted = peopleWithPendingEntries();
            if (wanted.isEmpty()) {
                return;
            }
            List<MoodleUser> found;
            try {
                found = moodle.getUsersByField(UserField.IDNUMBER,
                        wanted.stream().map(p -> p.participantId).toList());
            } catch (MoodleException e) {
                wanted.forEach(p -> p.fail(e.getMessage(), e.isRetryable()));
                return;
            }
            Map<String, List<MoodleUser>> byIdNumber = found.stream().filter(u -> u.idNumber() != null)
                    .collect(Collectors.groupingBy(u -> key(u.idNumber())));
            for (Person p : wanted) {
                List<MoodleUser> accounts = byIdNumber.getOrDefault(key(p.participantId), List.of());
                if (accounts.size() == 1) {
                    p.userId = accounts.get(0).id();
                } else if (accounts.size() > 1) {
                    p.fail(accounts.size() + " Moodle accounts have idnumber " + p.participantId + " ("
                            + usernames(accounts) + "); keep one and clear the others' idnumber in Moodle", false);
                }
            }
            if (found.stream().anyMatch(u -> u.email() == null)) {
                emailsHidden = true;
                warnings.add("Moodle hides e-mail addresses from the web-service user, so learners who already have an"
                        + " account without the participant id cannot be found by e-mail, and creating theirs fails."
                        + " Grant moodle/site:viewuseridentity to the web-service user's role at system level.");
            }
        }

        /** Accounts made by hand or by an earlier system are claimed by setting their idnumber. */
        private void matchByEmail() {
            Map<String, Person> byEmail = new LinkedHashMap<>();
            for (Person p : peopleWithPendingEntries()) {
                if (p.userId != 0) {
                    continue;
                }
                Person first = byEmail.putIfAbsent(key(p.data.email()), p);
                if (first != null) {
                    p.fail("Participant " + first.participantId + " has the same e-mail address; Moodle allows one"
                            + " account per address", false);
                }
            }
            if (byEmail.isEmpty()) {
                return;
            }
            List<MoodleUser> found;
            try {
                found = moodle.getUsersByField(UserField.EMAIL, List.copyOf(byEmail.keySet()));
            } catch (MoodleException e) {
                byEmail.values().forEach(p -> p.fail(e.getMessage(), e.isRetryable()));
                return;
            }
            Map<String, List<MoodleUser>> accounts = found.stream().filter(u -> u.email() != null)
                    .collect(Collectors.groupingBy(u -> key(u.email())));
            List<UserUpdate> claims = new ArrayList<>();
            for (Person p : byEmail.values()) {
                List<MoodleUser> matches = accounts.getOrDefault(key(p.data.email()), List.of());
                if (matches.size() > 1) {
                    p.fail(matches.size() + " Moodle accounts use " + p.data.email() + " (" + usernames(matches)
                            + "); the bridge cannot tell which is the participant's", false);
                } else if (matches.size() == 1) {
                    MoodleUser account = matches.get(0);
                    if (account.idNumber() != null) {
                        p.fail("The Moodle account " + account.username() + " with this e-mail belongs to idnumber "
                                + account.idNumber() + ", not to participant " + p.participantId, false);
                    } else {
                        p.userId = account.id();
                        claims.add(UserUpdate.idNumber(account.id(), p.participantId));
                    }
                }
            }
            claim(claims);
        }

        private void claim(List<UserUpdate> claims) {
            if (claims.isEmpty()) {
                return;
            }
            Map<Long, Person> byUserId = people.values().stream().filter(p -> p.userId != 0)
                    .collect(Collectors.toMap(p -> p.userId, p -> p, (a, b) -> a));
            try {
                for (UserWarning w : moodle.updateUsers(claims)) {
                    Person p = byUserId.get(w.userId());
                    if (p != null) {
                        p.fail("Moodle refused to set the idnumber of the account found by e-mail: " + w.warningCode()
                                + " (" + w.message() + ")", false);
                    }
                }
            } catch (MoodleException e) {
                claims.forEach(c -> byUserId.get(c.id()).fail(e.getMessage(), e.isRetryable()));
            }
        }

        private void createAccounts() {
            Map<String, Person> byUsername = new LinkedHashMap<>();
            List<NewUser> accounts = new ArrayList<>();
            for (Person p : peopleWithPendingEntries()) {
                if (p.userId != 0) {
                    continue;
                }
                LearnerEnrolment d = p.data;
                String username = Usernames.forLearner(d.firstName(), d.lastName(), p.participantId);
                Person clash = byUsername.putIfAbsent(username, p);
                if (clash != null) {
                    p.fail("Participant ids " + clash.participantId + " and " + p.participantId + " give the same"
                            + " Moodle username " + username, false);
                    continue;
                }
                accounts.add(NewUser.learner(username, d.firstName().trim(), d.lastName().trim(), d.email().trim(),
                        p.participantId, d.countryCode()));
            }
            if (accounts.isEmpty()) {
                return;
            }
            BatchOutcome<NewUser, CreatedUser> outcome = moodle.createUsers(accounts);
            for (CreatedUser created : outcome.succeeded()) {
                Person p = byUsername.get(created.username());
                if (p != null) {
                    p.userId = created.id();
                    p.created = true;
                }
            }
            for (BatchOutcome.Rejected<NewUser> r : outcome.rejected()) {
                byUsername.get(r.item().username()).fail("Moodle refused to create the account " + r.item().username()
                        + ": " + r.reason().getMessage() + r.reason().debugInfo().map(d -> " " + d).orElse("")
                        + (emailsHidden ? "" : ". Its e-mail or username may already be in use by an account the"
                                + " web-service user cannot see"), false);
            }
            for (NewUser u : outcome.unconfirmed()) {
                byUsername.get(u.username()).fail("Account " + u.username() + " not confirmed: "
                        + outcome.stoppedBy().getMessage(), outcome.stoppedBy().isRetryable());
            }
        }

        private void enrolAll() {
            Map<Enrolment, List<Entry>> enrolments = new LinkedHashMap<>();
            Map<String, Enrolment> byPair = new HashMap<>();
            for (Entry e : pendingEntries()) {
                LearnerEnrolment l = e.learner;
                Enrolment enrolment = Enrolment.student(e.person.userId, l.courseId(), l.timeStart(), l.timeEnd());
                Enrolment earlier = byPair.putIfAbsent(e.person.userId + "/" + l.courseId(), enrolment);
                enrolments.computeIfAbsent(earlier == null ? enrolment : earlier, k -> new ArrayList<>()).add(e);
            }
            if (enrolments.isEmpty()) {
                return;
            }
            BatchOutcome<Enrolment, Enrolment> outcome = moodle.enrolUsers(List.copyOf(enrolments.keySet()));
            outcome.rejected().forEach(r -> enrolments.get(r.item()).forEach(
                    e -> e.fail("Moodle refused the enrolment: " + r.reason().getMessage(), false)));
            outcome.unconfirmed().forEach(u -> enrolments.get(u).forEach(
                    e -> e.fail("Enrolment not confirmed: " + outcome.stoppedBy().getMessage(),
                            outcome.stoppedBy().isRetryable())));
        }

        private void groupAll() {
            Map<Long, List<Entry>> byCourse = new LinkedHashMap<>();
            for (Entry e : pendingEntries()) {
                if (e.learner.groupName() != null && !e.learner.groupName().isBlank()) {
                    byCourse.computeIfAbsent(e.learner.courseId(), k -> new ArrayList<>()).add(e);
                }
            }
            Map<GroupMember, List<Entry>> members = new LinkedHashMap<>();
            for (Map.Entry<Long, List<Entry>> course : byCourse.entrySet()) {
                Map<String, Long> groupIds = ensureGroups(course.getKey(), course.getValue());
                for (Entry e : course.getValue()) {
                    Long groupId = groupIds.get(e.learner.groupName().trim());
                    if (groupId != null) {
                        members.computeIfAbsent(new GroupMember(groupId, e.person.userId), k -> new ArrayList<>())
                                .add(e);
                    }
                }
            }
            if (members.isEmpty()) {
                return;
            }
            BatchOutcome<GroupMember, GroupMember> outcome = moodle.addGroupMembers(List.copyOf(members.keySet()));
            outcome.rejected().forEach(r -> members.get(r.item()).forEach(
                    e -> e.fail("Moodle refused to add the learner to group " + e.learner.groupName() + ": "
                            + r.reason().getMessage(), false)));
            outcome.unconfirmed().forEach(m -> members.get(m).forEach(
                    e -> e.fail("Group membership not confirmed: " + outcome.stoppedBy().getMessage(),
                            outcome.stoppedBy().isRetryable())));
        }

        /**
         * The course's groups by name, creating the missing ones in one call. If another instance created one
         * meanwhile, Moodle rejects the call as a duplicate; the groups are then listed again and the rest created
         * one by one. Entries whose group cannot be had fail.
         */
        private Map<String, Long> ensureGroups(long courseId, List<Entry> courseEntries) {
            Set<String> needed = courseEntries.stream().map(e -> e.learner.groupName().trim())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            Map<String, Long> ids = new HashMap<>();
            try {
                listGroups(courseId, ids);
                List<NewGroup> missing = newGroups(courseId, needed, ids);
                if (!missing.isEmpty()) {
                    try {
                        moodle.createGroups(missing).forEach(g -> ids.put(g.name(), g.id()));
                    } catch (MoodleErrorException e) {
                        if (e instanceof MoodleAccessException) {
                            throw e;
                        }
                        listGroups(courseId, ids);
                        for (NewGroup group : newGroups(courseId, needed, ids)) {
                            createOne(group, ids, courseEntries);
                        }
                    }
                }
            } catch (MoodleException e) {
                courseEntries.stream().filter(en -> !ids.containsKey(en.learner.groupName().trim()))
                        .forEach(en -> en.fail("Group " + en.learner.groupName() + " not available: " + e.getMessage(),
                                e.isRetryable()));
            }
            return ids;
        }

        private void createOne(NewGroup group, Map<String, Long> ids, List<Entry> courseEntries)
                throws MoodleException {
            try {
                moodle.createGroups(List.of(group)).forEach(g -> ids.put(g.name(), g.id()));
            } catch (MoodleErrorException e) {
                if (e instanceof MoodleAccessException) {
                    throw e;
                }
                courseEntries.stream().filter(en -> en.learner.groupName().trim().equals(group.name()))
                        .forEach(en -> en.fail("Moodle refused to create group " + group.name() + ": "
                                + e.getMessage(), false));
            }
        }

        private void listGroups(long courseId, Map<String, Long> ids) throws MoodleException {
            for (MoodleGroup g : moodle.getCourseGroups(courseId)) {
                ids.putIfAbsent(g.name(), g.id());
            }
        }

        private List<NewGroup> newGroups(long courseId, Set<String> needed, Map<String, Long> existing) {
            return needed.stream().filter(name -> !existing.containsKey(name))
                    .map(name -> new NewGroup(courseId, name, describeGroup(name), null)).toList();
        }

        private List<Entry> pendingEntries() {
            return entries.stream().filter(Entry::pending).toList();
        }

        private List<Person> peopleWithPendingEntries() {
            Set<Person> set = new LinkedHashSet<>();
            pendingEntries().forEach(e -> set.add(e.person));
            return List.copyOf(set);
        }
    }

    /** Bad data, reported before anything is sent; null when the learner can be synced. */
    static String problemWith(LearnerEnrolment l) {
        if (l.participantId() == null || l.participantId().isBlank() || l.participantId().trim().length() > 100) {
            return "A participant id (1 to 100 characters) is needed: it is the Moodle account's idnumber";
        }
        if (l.firstName() == null || l.firstName().isBlank() || l.lastName() == null || l.lastName().isBlank()) {
            return "Moodle needs a first and a last name";
        }
        if (l.email() == null || !EMAIL.matcher(l.email().trim()).matches()) {
            return "Not an e-mail address: " + l.email();
        }
        if (!CountryCodes.isIsoAlpha2(l.countryCode())) {
            return "Country '" + l.countryCode() + "' is not an ISO 3166-1 alpha-2 code such as AR (Moodle would"
                    + " silently drop it)";
        }
        if (l.courseId() <= 0) {
            return "No Moodle course id";
        }
        if (l.timeStart() < 0 || l.timeEnd() < 0 || (l.timeEnd() != 0 && l.timeEnd() <= l.timeStart())) {
            return "The enrolment must end after it starts";
        }
        return null;
    }

    private static String key(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }

    private static String usernames(List<MoodleUser> users) {
        return users.stream().map(MoodleUser::username).collect(Collectors.joining(", "));
    }

    /** "Learners from Argentina" for a state group named by its ISO code. */
    private static String describeGroup(String name) {
        return CountryCodes.isIsoAlpha2(name)
                ? "Learners from " + new Locale("", name).getDisplayCountry(Locale.ENGLISH) : "";
    }
}
