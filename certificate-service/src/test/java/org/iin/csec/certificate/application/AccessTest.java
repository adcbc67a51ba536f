package org.iin.csec.certificate.application;

import org.iin.csec.certificate.domain.signatory.Party;
import org.iin.csec.chassis.domain.AccessDenied;
import org.iin.csec.chassis.domain.Role;
import org.iin.csec.chassis.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTest {

    private static final Caller LEADER = new Caller("leader", "Leader", Set.of(Role.COURSE_LEADER), null);
    private static final Caller SIGN_AR = new Caller("sign.ar", "Signer", Set.of(Role.STATE_SIGNATORY), "AR");
    private static final Caller COORD_AR = new Caller("coord.ar", "Coord", Set.of(Role.STATE_COORDINATOR), "AR");
    private static final Caller BOTH = new Caller("both", "Both", Set.of(Role.COURSE_LEADER, Role.STATE_SIGNATORY), "AR");

    @Test
    void theCourseLeaderSignsAsTheIinAndAStateSignatoryAsTheirStateOnly() {
        assertThat(Access.signingParty(LEADER, "UY", null)).isEqualTo(Party.iin());
        assertThat(Access.signingParty(SIGN_AR, "AR", null)).isEqualTo(Party.state("AR"));
        assertThatThrownBy(() -> Access.signingParty(SIGN_AR, "UY", null)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> Access.signingParty(SIGN_AR, "AR", "IIN")).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> Access.signingParty(COORD_AR, "AR", null)).isInstanceOf(AccessDenied.class);
    }

    @Test
    void someoneWhoMaySignAsBothSaysWhich() {
        assertThatThrownBy(() -> Access.signingParty(BOTH, "AR", null)).isInstanceOf(RuleViolation.class);
        assertThat(Access.signingParty(BOTH, "AR", "state")).isEqualTo(Party.state("AR"));
        assertThat(Access.signingParty(BOTH, "AR", "IIN")).isEqualTo(Party.iin());
        assertThat(Access.signingParty(BOTH, "UY", null)).isEqualTo(Party.iin());
        assertThat(Access.batchParty(LEADER, null)).isEqualTo(Party.iin());
        assertThat(Access.batchParty(SIGN_AR, null)).isEqualTo(Party.state("AR"));
        assertThatThrownBy(() -> Access.batchParty(COORD_AR, null)).isInstanceOf(AccessDenied.class);
    }

    @Test
    void stateBoundCallersSeeOnlyTheirOwnState() {
        assertThat(Access.visibleState(LEADER, null)).isNull();
        assertThat(Access.visibleState(LEADER, "UY")).isEqualTo("UY");
        assertThat(Access.visibleState(SIGN_AR, null)).isEqualTo("AR");
        assertThat(Access.visibleState(COORD_AR, "AR")).isEqualTo("AR");
        assertThatThrownBy(() -> Access.visibleState(SIGN_AR, "UY")).isInstanceOf(AccessDenied.class);
        Caller nobody = new Caller("x", "x", Set.of(), "AR");
        assertThatThrownBy(() -> Access.visibleState(nobody, null)).isInstanceOf(AccessDenied.class);
        assertThat(SIGN_AR.sees("AR")).isTrue();
        assertThat(SIGN_AR.sees("UY")).isFalse();
    }
}
