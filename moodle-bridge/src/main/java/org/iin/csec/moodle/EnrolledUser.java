package org.iin.csec.moodle;

import java.util.List;

/**
 * A user enrolled in a course, as core_enrol_get_enrolled_users lists them.
 *
 * @param email null when empty or hidden from the web-service user
 * @param groups the names of the user's groups in the course
 * @param roles the short names of the user's roles in the course, e.g. "student"
 */
public record EnrolledUser(long id, String username, String fullName, String email, String idNumber, String country,
        List<String> groups, List<String> roles) {

    public EnrolledUser {
        groups = List.copyOf(groups);
        roles = List.copyOf(roles);
    }
}
