package org.iin.csec.course.domain;

import org.iin.csec.chassis.domain.RuleViolation;
import org.iin.csec.course.domain.agreement.Agreement;
import org.iin.csec.course.domain.edition.Edition;
import org.iin.csec.course.domain.participant.Nominee;
import org.iin.csec.course.domain.participant.Participant;
import org.iin.csec.course.domain.participant.ParticipantStatus;
import org.iin.csec.course.domain.participant.StateSeats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateSeatsTest {

    private Instant now = Instant.parse("2027-02-01T10:00:00Z");
    private StateSeats seats;

    @BeforeEach
    void threeSeatsForUruguay() {
        Edition edition = new Edition("2027-1", "CSEC", "es", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 31), 120, now);
        seats = new StateSeats(new Agreement(edition, "uy", 3), List.of());
    }

    @Test
    void nomineesTakeFreeSeatsThenJoinTheWaitlistInArrivalOrder() {
        List<Participant> five = List.of(nominate("a"), nominate("b"), nominate("c"), nominate("d"), nominate("e"));

        assertThat(five).extracting(Participant::status).containsExactly(ParticipantStatus.NOMINATED,
                ParticipantStatus.NOMINATED, ParticipantStatus.NOMINATED, ParticipantStatus.WAITLISTED,
                ParticipantStatus.WAITLISTED);
        assertThat(seats.seatsHeld()).isEqualTo(3);
        assertThat(seats.waitlist()).containsExactly(five.get(3), five.get(4));
        assertThat(seats.waitlistPosition(five.get(4))).isEqualTo(2);
        assertThat(seats.waitlistPosition(five.get(0))).isZero();
    }

    @Test
    void theWaitlistFollowsTheStatesRankBeforeArrivalTime() {
        fill(3);
        Participant late = nominate("late", 10);
        Participant preferred = nominate("preferred", 1);

        assertThat(seats.waitlist()).containsExactly(preferred, late);
    }

    @Test
    void theWaitlistKeepsArrivalOrderWhenTheClockGoesBack() {
        fill(3);
        Participant first = nominate("first", 7);
        now = now.minusSeconds(60); // an NTP correction, or another instance whose clock is behind
        Participant second = nominate("second", 7);

        assertThat(second.nominatedAt()).isBefore(first.nominatedAt());
        assertThat(seats.waitlist()).containsExactly(first, second);
    }

    @Test
    void aWithdrawalPromotesTheFirstWaitlistedAtOnce() {
        List<Participant> seated = fill(3);
        Participant first = nominate("first");
        Participant second = nominate("second");

        List<Participant> promoted = seats.withdraw(seated.get(1), now);

        assertThat(promoted).containsExactly(first);
        assertThat(first.status()).isEqualTo(ParticipantStatus.NOMINATED);
        assertThat(second.status()).isEqualTo(ParticipantStatus.WAITLISTED);
        assertThat(seated.get(1).status()).isEqualTo(ParticipantStatus.WITHDRAWN);
        assertThat(seats.seatsHeld()).isEqualTo(3);
    }

    @Test
    void aRejectionPromotesTheFirstWaitlisted() {
        List<Participant> seated = fill(3);
        Participant waiting = nominate("waiting");

        assertThat(seats.reject(seated.get(0), now)).containsExactly(waiting);
        assertThat(seats.seatsHeld()).isEqualTo(3);
    }

    @Test
    void rejectingSomeoneWaitlistedFreesNoSeat() {
        fill(3);
        Participant waiting = nominate("waiting");
        Participant next = nominate("next");

        assertThat(seats.reject(waiting, now)).isEmpty();
        assertThat(next.status()).isEqualTo(ParticipantStatus.WAITLISTED);
        assertThat(seats.waitlistPosition(next)).isEqualTo(1);
    }

    @Test
    void aRaisedQuotaPromotesAsManyAsItFrees() {
        fill(3);
        Participant a = nominate("a");
        Participant b = nominate("b");
        Participant c = nominate("c");

        assertThat(seats.changeQuota(5, now)).containsExactly(a, b);
        assertThat(c.status()).isEqualTo(ParticipantStatus.WAITLISTED);
        assertThat(seats.seatsHeld()).isEqualTo(5);
    }

    @Test
    void aQuotaCannotDropBelowTheSeatsHeld() {
        fill(3);

        assertThatThrownBy(() -> seats.changeQuota(2, now))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("3 participants already hold seats");
        assertThat(seats.agreement().quota()).isEqualTo(3);
    }

    @Test
    void acceptedAndEnrolledParticipantsKeepHoldingTheirSeats() {
        List<Participant> seated = fill(3);
        seated.get(0).accept(now);
        seated.get(1).accept(now);
        seated.get(1).enrolledInMoodle(41L, now);

        assertThat(seats.seatsHeld()).isEqualTo(3);
        assertThat(nominate("d").status()).isEqualTo(ParticipantStatus.WAITLISTED);
    }

    @Test
    void theSamePersonIsNeverProposedTwiceByEmailOrIdentityDocument() {
        seats.nominate(new Nominee("Ana", "García", "Ana.Garcia@Example.org", "12.345.678", null, null, null), false,
                now);

        assertThatThrownBy(() -> seats.nominate(
                new Nominee("Ana", "G", " ana.garcia@example.ORG ", null, null, null, null), false, now))
                .isInstanceOf(RuleViolation.class).extracting("field").isEqualTo("email");
        assertThatThrownBy(() -> seats.nominate(
                new Nominee("Ana", "G", "other@example.org", "12345678", null, null, null), false, now))
                .isInstanceOf(RuleViolation.class).extracting("field").isEqualTo("identityDocument");
        assertThat(seats.participants()).hasSize(1);
    }

    @Test
    void aPersonAnotherStateProposedIsRefusedToo() {
        assertThatThrownBy(() -> seats.nominate(
                new Nominee("Ana", "G", "ana.garcia@example.org", null, null, null, null), true, now))
                .isInstanceOf(RuleViolation.class).extracting("code", "field").containsExactly("duplicate-person", "email");
        assertThat(seats.participants()).isEmpty();
    }

    @Test
    void aRankIsFromOneToTheLowestInTheNominationAndWhenChanged() {
        Participant ana = nominate("ana");

        assertThat(new Nominee("Bo", "T", "bo@example.org", null, null, null, Participant.LOWEST_RANK + 1).problems())
                .extracting("field").containsExactly("rank");
        assertThatThrownBy(() -> seats.rank(ana, 0)).isInstanceOf(RuleViolation.class)
                .extracting("code").isEqualTo("invalid-rank");
        seats.rank(ana, Participant.LOWEST_RANK);
        assertThat(ana.rank()).isEqualTo(Participant.LOWEST_RANK);
    }

    @Test
    void rankingChangesTheWaitlistOrder() {
        fill(3);
        Participant a = nominate("a");
        Participant b = nominate("b");

        seats.rank(b, 1);

        assertThat(seats.waitlist()).containsExactly(b, a);
        assertThatThrownBy(() -> seats.rank(a, 0)).isInstanceOf(RuleViolation.class);
    }

    private List<Participant> fill(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> nominate("seat" + i)).toList();
    }

    private Participant nominate(String name) {
        return nominate(name, null);
    }

    private Participant nominate(String name, Integer rank) {
        now = now.plusSeconds(1);
        return seats.nominate(new Nominee(name, "Test", name + "@example.org", null, null, null, rank), false, now);
    }
}
