package org.iin.csec.course.application;

import org.iin.csec.chassis.outbox.WorkStatus;
import org.iin.csec.chassis.testing.SavedWork;
import org.iin.csec.course.domain.agreement.Agreement;
import org.iin.csec.course.domain.edition.Edition;
import org.iin.csec.course.domain.outbox.Outbox;
import org.iin.csec.course.domain.outbox.OutboxItem;
import org.iin.csec.course.domain.outbox.WorkKind;
import org.iin.csec.course.domain.participant.FaceToFaceResult;
import org.iin.csec.course.domain.participant.Nominee;
import org.iin.csec.course.domain.participant.OnlineStageResult;
import org.iin.csec.course.domain.participant.Participant;
import org.iin.csec.course.domain.participant.StateSeats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateHandoffTest {

    private final Instant now = Instant.parse("2027-06-20T10:00:00Z");
    private final List<OutboxItem> items = new ArrayList<>();
    private final CertificateHandoff handoff = new CertificateHandoff();
    private Participant participant;

    @BeforeEach
    void anEnrolledParticipant() throws Exception {
        handoff.outbox = new InMemoryOutbox();
        Edition edition = new Edition("2027-1", "CSEC", "es", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 31), 120, now);
        StateSeats seats = new StateSeats(new Agreement(edition, "AR", 3), List.of());
        participant = seats.nominate(new Nominee("Ana", "G", "ana@example.org", null, null, null, null), false, now);
        Field id = Participant.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(participant, 7L);
        participant.accept(now);
        participant.enrolledInMoodle(1L, now);
    }

    @Test
    void anEligibleParticipantIsHandedOffOnceWhicheverStageComesLast() {
        participant.recordFaceToFace(FaceToFaceResult.PASSED, null, null, now);
        handoff.evaluate(participant, now);
        assertThat(items).isEmpty();

        participant.recordOnlineStage(OnlineStageResult.COMPLETED, now);
        handoff.evaluate(participant, now);
        handoff.evaluate(participant, now);

        assertThat(items).extracting(OutboxItem::kind).containsExactly(WorkKind.CERTIFICATE_HANDOFF);
    }

    @Test
    void aCorrectionBeforeTheHandOffWasSentCancelsIt() {
        becomeEligible();
        participant.recordFaceToFace(FaceToFaceResult.FAILED, null, null, now);
        handoff.evaluate(participant, now);

        assertThat(items).singleElement().extracting(OutboxItem::status).isEqualTo(WorkStatus.CANCELLED);

        participant.recordFaceToFace(FaceToFaceResult.PASSED, null, null, now);
        handoff.evaluate(participant, now);
        assertThat(items).extracting(OutboxItem::status).containsExactly(WorkStatus.CANCELLED, WorkStatus.PENDING);
    }

    @Test
    void aCorrectionAfterTheHandOffAsksCertificateServiceToCancel() {
        becomeEligible();
        items.get(0).succeeded(now);
        participant.recordFaceToFace(FaceToFaceResult.ABSENT, null, null, now);
        handoff.evaluate(participant, now);

        assertThat(items).extracting(OutboxItem::kind)
                .containsExactly(WorkKind.CERTIFICATE_HANDOFF, WorkKind.CERTIFICATE_CANCEL);
    }

    private void becomeEligible() {
        participant.recordOnlineStage(OnlineStageResult.COMPLETED, now);
        participant.recordFaceToFace(FaceToFaceResult.PASSED, null, null, now);
        handoff.evaluate(participant, now);
        assertThat(items).hasSize(1);
    }

    /** Only what the hand-off rules use; ids in insertion order, as the database gives them. */
    private class InMemoryOutbox implements Outbox {
        @Override
        public void add(OutboxItem item) {
            items.add(SavedWork.withId(item, items.size() + 1));
        }

        @Override
        public Optional<OutboxItem> find(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<OutboxItem> findFor(String editionCode, long participantId) {
            return items.stream().filter(i -> i.participantId() == participantId).toList();
        }

        @Override
        public List<OutboxItem> claim(Enum<?> kind, String owner, int limit, Instant now, Instant leaseUntil) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<OutboxItem> find(String editionCode, WorkStatus status) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Object[]> countByKindAndStatus(String editionCode) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long count(WorkStatus status) {
            return items.stream().filter(i -> i.status() == status).count();
        }

        @Override
        public int bringForward(String editionCode, Instant now) {
            throw new UnsupportedOperationException();
        }
    }
}
