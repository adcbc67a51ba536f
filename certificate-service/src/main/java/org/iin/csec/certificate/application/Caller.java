package org.iin.csec.certificate.application;

import org.iin.csec.chassis.domain.Role;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is calling, as course-service's accounts describe them: this service keeps no accounts of its own.
 *
 * @param username    the account's user name, recorded in the audit log
 * @param displayName the person's name, or the user name when course-service has none
 * @param roles       what they may do
 * @param stateCode   the state a state-bound role is bound to, or null
 */
public record Caller(String username, String displayName, Set<Role> roles, String stateCode) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Administrators and the course leader read every state's certificates. */
    public boolean seesEveryState() {
        return has(Role.ADMIN) || has(Role.COURSE_LEADER);
    }

    /** Whether this caller may read certificates of the given state. */
    public boolean sees(String state) {
        if (seesEveryState()) {
            return true;
        }
        return stateCode != null && stateCode.equals(state) && roles.stream().anyMatch(Role::isStateBound);
    }

    /** Signs for the IIN: the course leader. */
    public boolean signsForIin() {
        return has(Role.COURSE_LEADER);
    }

    /** Signs for the given state: that state's signatory. */
    public boolean signsForState(String state) {
        return has(Role.STATE_SIGNATORY) && stateCode != null && stateCode.equals(state);
    }
}
