package org.iin.csec.certificate.application;

/** The roles of course-service's accounts (DESIGN §1) that matter here. */
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
