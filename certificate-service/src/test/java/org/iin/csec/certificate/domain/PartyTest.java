package org.iin.csec.certificate.domain;

import org.iin.csec.certificate.domain.certificate.SignerRole;
import org.iin.csec.certificate.domain.signatory.Party;
import org.iin.csec.chassis.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartyTest {

    @Test
    void readsTheIinOrAStateFromItsKey() {
        assertThat(Party.fromKey("iin")).isEqualTo(Party.iin());
        assertThat(Party.fromKey("ar")).isEqualTo(new Party(SignerRole.STATE, "AR"));
        assertThat(Party.fromKey("AR").key()).isEqualTo("AR");
        assertThat(Party.iin().key()).isEqualTo("IIN");
        assertThatThrownBy(() -> Party.fromKey("XX")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> Party.fromKey(null)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void theIinSignsForEveryStateAStateOnlyForItself() {
        assertThat(Party.iin().signsFor("UY")).isTrue();
        assertThat(Party.state("AR").signsFor("AR")).isTrue();
        assertThat(Party.state("AR").signsFor("UY")).isFalse();
    }
}
