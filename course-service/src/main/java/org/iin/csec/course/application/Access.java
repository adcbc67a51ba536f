package org.iin.csec.course.application;

import org.iin.csec.chassis.domain.AccessDenied;
import org.iin.csec.chassis.domain.Role;
import org.iin.csec.course.domain.account.Account;

import java.util.Arrays;

/** The checks every use case makes before it reads or changes anything. */
final class Access {

    private Access() {
    }

    static void requireAnyRole(Account actor, Role... roles) {
        if (Arrays.stream(roles).noneMatch(actor::hasRole)) {
            throw new AccessDenied("This needs one of the roles " + Arrays.toString(roles) + ".");
        }
    }

    /** Reading a state's data: course-wide roles read every state; state-bound roles only their own. */
    static void requireStateVisible(Account actor, String state) {
        if (!actor.maySeeState(state)) {
            throw new AccessDenied("You may only see the data of your own state.");
        }
    }

    /** Acting in a role for a state: a state-bound role acts only for its own state. */
    static void requireActingFor(Account actor, Role role, String state) {
        if (!actor.mayActForState(role, state)) {
            throw new AccessDenied(actor.hasRole(role)
                    ? "You may only act for your own state."
                    : "This needs the role " + role + ".");
        }
    }
}
