package org.iin.csec.course.domain;

import org.iin.csec.chassis.domain.Role;
import org.iin.csec.chassis.domain.RuleViolation;
import org.iin.csec.course.domain.account.Account;
import org.iin.csec.course.domain.account.PasswordHasher;
import org.iin.csec.course.domain.account.PasswordPolicy;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountTest {

    private final Instant now = Instant.parse("2027-01-01T00:00:00Z");

    @Test
    void aStateBoundPersonSeesAndActsOnlyForTheirState() {
        Account coordinator = new Account("coord.ar", "C", null, Set.of(Role.STATE_COORDINATOR), "ar", "x", now);

        assertThat(coordinator.maySeeState("AR")).isTrue();
        assertThat(coordinator.maySeeState("UY")).isFalse();
        assertThat(coordinator.mayActForState(Role.STATE_COORDINATOR, "AR")).isTrue();
        assertThat(coordinator.mayActForState(Role.STATE_COORDINATOR, "UY")).isFalse();
        assertThat(coordinator.mayActForState(Role.STATE_SIGNATORY, "AR")).isFalse();
    }

    @Test
    void aCourseLeaderSeesEveryStateButDoesNotActAsACoordinator() {
        Account leader = new Account("leader", "L", null, Set.of(Role.COURSE_LEADER), null, "x", now);

        assertThat(leader.maySeeState("UY")).isTrue();
        assertThat(leader.mayActForState(Role.STATE_COORDINATOR, "UY")).isFalse();
    }

    @Test
    void aStateBoundRoleNeedsAState() {
        assertThatThrownBy(() -> new Account("sig", "S", null, Set.of(Role.STATE_SIGNATORY), null, "x", now))
                .isInstanceOf(RuleViolation.class).extracting("field").isEqualTo("state");
        assertThatThrownBy(() -> new Account("sig", "S", null, Set.of(Role.STATE_SIGNATORY), "Narnia", "x", now))
                .isInstanceOf(RuleViolation.class).extracting("field").isEqualTo("state");
    }

    @Test
    void passwordsAreSaltedPbkdf2HashesThatVerify() {
        String hash = PasswordHasher.hash("correct horse battery".toCharArray());

        assertThat(hash).startsWith("pbkdf2-sha256$" + PasswordHasher.ITERATIONS + "$").doesNotContain("correct");
        assertThat(PasswordHasher.hash("correct horse battery".toCharArray())).isNotEqualTo(hash);
        assertThat(PasswordHasher.matches("correct horse battery".toCharArray(), hash)).isTrue();
        assertThat(PasswordHasher.matches("correct horse batterY".toCharArray(), hash)).isFalse();
        assertThat(PasswordHasher.matches("anything".toCharArray(), "plain-text")).isFalse();
    }

    @Test
    void weakPasswordsAreRefused() {
        assertThatThrownBy(() -> PasswordPolicy.check("ana", "short".toCharArray())).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> PasswordPolicy.check("ana.garcia", "my-ANA.GARCIA-pass".toCharArray()))
                .isInstanceOf(RuleViolation.class);
        PasswordPolicy.check("ana", "a long enough passphrase".toCharArray());
    }
}
