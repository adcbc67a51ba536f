package org.iin.csec.moodle.sync;

/**
 * A participant to put into a Moodle course. Not checked on construction: {@link EnrolmentSync} reports bad data as
 * that learner's failure and carries on with the others.
 *
 * @param participantId the product's participant id, stored as the Moodle account's {@code idnumber} and used to
 *     find the account again; must be unique across everything that shares the Moodle site (e.g. "CSEC-P-1042")
 * @param countryCode the participant's state, ISO 3166-1 alpha-2 (e.g. "AR"), stored as the account's country
 * @param groupName the course group to put the learner in, normally the state code; null or blank for none
 * @param timeStart enrolment start, Unix seconds, 0 for none
 * @param timeEnd enrolment end, Unix seconds, 0 for none
 */
public record LearnerEnrolment(String participantId, String firstName, String lastName, String email,
        String countryCode, long courseId, String groupName, long timeStart, long timeEnd) {
}
