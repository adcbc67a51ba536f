package org.iin.csec.chassis.domain;

/** What a person may do (DESIGN §1): the roles of course-service's accounts, which certificate-service honours too. */
public enum Role {
    ADMIN(false),
    COURSE_LEADER(false),
    STATE_COORDINATOR(true),
    STATE_SIGNATORY(true);

    private final boolean stateBound;

    Role(boolean stateBound) {
        this.stateBound = stateBound;
    }

    /** A state-bound role sees and changes only its own state's data. */
    public boolean isStateBound() {
        return stateBound;
    }
}
