package org.iin.csec.certificate.application;

import org.iin.csec.certificate.domain.certificate.Certificate;
import org.iin.csec.certificate.domain.certificate.CertificateStatus;
import org.iin.csec.certificate.domain.certificate.RevocationCategory;
import org.iin.csec.certificate.domain.certificate.SigningMethod;
import org.iin.csec.certificate.domain.certificate.VerificationCode;
import org.iin.csec.certificate.infrastructure.pdf.CertificatePdfRenderer;
import org.iin.csec.chassis.audit.AuditEntry;
import org.iin.csec.chassis.audit.AuditLog;
import org.iin.csec.chassis.audit.AuditRecorder;
import org.iin.csec.chassis.domain.FieldProblem;
import org.iin.csec.chassis.domain.InvalidInput;
import org.iin.csec.chassis.domain.NotFound;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iin.csec.certificate.domain.certificate.SignerRole.IIN;
import static org.iin.csec.certificate.domain.certificate.SignerRole.STATE;

class IssuanceServiceTest {

    private static final Instant NOW = Instant.parse("2027-06-20T12:00:00Z");

    private final InMemoryCertificates certificates = new InMemoryCertificates();
    private final List<AuditEntry> audit = new ArrayList<>();
    private final IssuanceService issuance = new IssuanceService(certificates,
            new CertificateDocuments("https://cursos.iin.example/", new CertificatePdfRenderer()),
            new AuditRecorder(new RecordingAuditLog(audit), Clock.fixed(NOW, ZoneOffset.UTC)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void issuesACertificateWithItsNumberCodeAndPreparedPdf() {
        IssuanceService.Issued issued = issuance.issue(request(123, "AR", "es"));

        Certificate certificate = issued.certificate();
        assertThat(issued.created()).isTrue();
        assertThat(certificate.status()).isEqualTo(CertificateStatus.ISSUED);
        assertThat(certificate.number()).isEqualTo("2027-1/AR/0001");
        assertThat(VerificationCode.parse(certificate.verificationCode().toString()))
                .isEqualTo(certificate.verificationCode());
        assertThat(certificate.holderName()).isEqualTo("Ana García");
        assertThat(certificate.content().issueDate()).isEqualTo(LocalDate.of(2027, 6, 20));
        byte[] pdf = certificates.files(certificate.id()).current();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(audit).extracting(AuditEntry::action).containsExactly("certificate.issued");
        assertThat(audit.get(0).actor()).isEqualTo("course-service");
        assertThat(audit.get(0).after()).contains("2027-1/AR/0001").doesNotContain("ana@example.org");
    }

    @Test
    void theSameHandOffTwiceReturnsTheSameCertificate() {
        Certificate first = issuance.issue(request(123, "AR", "es")).certificate();

        IssuanceService.Issued again = issuance.issue(request(123, "AR", "es"));

        assertThat(again.created()).isFalse();
        assertThat(again.certificate()).isSameAs(first);
        assertThat(certificates.certificates).hasSize(1);
        assertThat(audit).hasSize(1);
    }

    @Test
    void numbersAreSequentialPerEditionAndState() {
        List<String> numbers = new ArrayList<>();
        numbers.add(issuance.issue(request(1, "AR", "es")).certificate().number());
        numbers.add(issuance.issue(request(2, "AR", "es")).certificate().number());
        numbers.add(issuance.issue(request(3, "UY", "es")).certificate().number());
        numbers.add(issuance.issue(request(4, "AR", "es")).certificate().number());

        assertThat(numbers).containsExactly("2027-1/AR/0001", "2027-1/AR/0002", "2027-1/UY/0001", "2027-1/AR/0003");
    }

    @Test
    void aLanguageWithoutTranslationIsPrintedInSpanishAndSaysWhy() {
        Certificate certificate = issuance.issue(request(5, "AR", "pt")).certificate();

        assertThat(certificate.requestedLanguage()).isEqualTo("pt");
        assertThat(certificate.content().language()).isEqualTo("es");
        assertThat(certificate.languageNote()).contains("'pt'").contains("'es'");
        assertThat(issuance.issue(request(6, "AR", "en")).certificate().languageNote()).isNull();
    }

    @Test
    void faceToFaceDatesMayBeMissing() {
        IssuanceRequest withoutDates = withFaceToFace(request(7, "AR", "es"), null, null);
        IssuanceRequest oneDay = withFaceToFace(request(8, "AR", "es"), LocalDate.of(2027, 6, 14), null);

        Certificate undated = issuance.issue(withoutDates).certificate();
        Certificate single = issuance.issue(oneDay).certificate();

        assertThat(undated.content().faceToFaceStart()).isNull();
        assertThat(single.content().faceToFaceStart()).isEqualTo(LocalDate.of(2027, 6, 14));
        assertThat(single.content().faceToFaceEnd()).isEqualTo(LocalDate.of(2027, 6, 14));
    }

    @Test
    void badInputListsEveryProblemAndIssuesNothing() {
        IssuanceRequest bad = new IssuanceRequest(0L,
                new IssuanceRequest.Edition("2027/1", "", "de", 0, LocalDate.of(2027, 5, 1), LocalDate.of(2027, 4, 1),
                        null, null),
                new IssuanceRequest.Holder("Ana", " ", "not-an-address"),
                new IssuanceRequest.State("ZZ", "Nowhere"),
                null,
                new IssuanceRequest.Signatory("S", "T", "I"));

        assertThatThrownBy(() -> issuance.issue(bad)).isInstanceOfSatisfying(InvalidInput.class, e ->
                assertThat(e.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                        "participantId", "edition.code", "edition.title", "edition.language", "edition.courseHours",
                        "edition.onlineStage", "holder.lastName", "holder.email", "state.code", "iinSignatory"));
        assertThat(certificates.certificates).isEmpty();
    }

    @Test
    void cancellingRevokesAnUnsignedCertificateAndFlagsASignedOne() {
        Certificate unsigned = issuance.issue(request(10, "AR", "es")).certificate();
        Certificate signed = issuance.issue(request(11, "AR", "es")).certificate();
        signed.recordSignature(IIN, "leader", SigningMethod.SERVER, NOW, false);
        signed.recordSignature(STATE, "sign.ar", SigningMethod.SERVER, NOW, true);

        issuance.cancel("2027-1", 10);
        issuance.cancel("2027-1", 11);
        issuance.cancel("2027-1", 11);

        assertThat(unsigned.status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(unsigned.revocationCategory()).isEqualTo(RevocationCategory.NO_LONGER_ELIGIBLE);
        assertThat(signed.status()).isEqualTo(CertificateStatus.SIGNED);
        assertThat(signed.revocationRequested()).isTrue();
        assertThat(audit).extracting(AuditEntry::action).containsSubsequence("certificate.revoked",
                "certificate.revocation-requested");
        assertThat(audit).filteredOn(e -> e.action().equals("certificate.revocation-requested")).hasSize(1);
        assertThatThrownBy(() -> issuance.cancel("2027-1", 999)).isInstanceOf(NotFound.class);
    }

    @Test
    void afterACancellationTheParticipantCanBeIssuedANewCertificate() {
        Certificate first = issuance.issue(request(12, "AR", "es")).certificate();
        issuance.cancel("2027-1", 12);

        IssuanceService.Issued again = issuance.issue(request(12, "AR", "es"));

        assertThat(again.created()).isTrue();
        assertThat(again.certificate().number()).isNotEqualTo(first.number());
        assertThat(issuance.cancel("2027-1", 12)).isSameAs(again.certificate());
    }

    static IssuanceRequest request(long participantId, String state, String language) {
        return new IssuanceRequest(participantId,
                new IssuanceRequest.Edition("2027-1", "Explotación sexual comercial de niñas, niños y adolescentes",
                        language, 120, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 31),
                        LocalDate.of(2027, 6, 14), LocalDate.of(2027, 6, 18)),
                new IssuanceRequest.Holder("Ana", "García", "ana@example.org"),
                new IssuanceRequest.State(state, state.equals("AR") ? "Argentina" : "Uruguay"),
                new IssuanceRequest.Signatory("Ana Lucía Gonçalves", "Coordinadora del curso", "IIN"),
                new IssuanceRequest.Signatory("Joaquín Ibáñez", "Director Nacional de Niñez", "SENAF"));
    }

    private static IssuanceRequest withFaceToFace(IssuanceRequest r, LocalDate start, LocalDate end) {
        IssuanceRequest.Edition e = r.edition();
        return new IssuanceRequest(r.participantId(), new IssuanceRequest.Edition(e.code(), e.title(), e.language(),
                e.courseHours(), e.onlineStageStart(), e.onlineStageEnd(), start, end), r.holder(), r.state(),
                r.iinSignatory(), r.stateSignatory());
    }

    private record RecordingAuditLog(List<AuditEntry> entries) implements AuditLog {
        @Override
        public void append(AuditEntry entry) {
            entries.add(entry);
        }

        @Override
        public List<AuditEntry> search(String editionCode, String stateCode, String entityType, String entityId,
                                       int limit) {
            return entries;
        }
    }
}
