package org.iin.csec.certificate.application;

import org.iin.csec.certificate.domain.certificate.Certificate;
import org.iin.csec.certificate.domain.certificate.CertificateFiles;
import org.iin.csec.certificate.domain.certificate.CertificateNumber;
import org.iin.csec.certificate.domain.certificate.CertificateRepository;
import org.iin.csec.certificate.domain.certificate.CertificateStatus;
import org.iin.csec.certificate.domain.certificate.NumberSequence;
import org.iin.csec.certificate.domain.certificate.SignerRole;
import org.iin.csec.certificate.domain.certificate.VerificationCode;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The certificate repository in memory, with the database's uniqueness rules, for use-case tests. */
final class InMemoryCertificates implements CertificateRepository {

    final List<Certificate> certificates = new ArrayList<>();
    final Map<Long, CertificateFiles> files = new HashMap<>();
    final Map<String, NumberSequence> sequences = new HashMap<>();

    @Override
    public void add(Certificate certificate, byte[] preparedPdf) {
        if (findLive(certificate.editionCode(), certificate.participantId()).isPresent()) {
            throw new IllegalStateException("unique key uq_certificate_live violated");
        }
        if (certificates.stream().anyMatch(c -> c.number().equals(certificate.number())
                || c.verificationCode().equals(certificate.verificationCode()))) {
            throw new IllegalStateException("unique number or code violated");
        }
        long id = certificates.size() + 1L;
        setId(certificate, id);
        certificates.add(certificate);
        files.put(id, new CertificateFiles(id, preparedPdf));
    }

    @Override
    public Optional<Certificate> find(long id) {
        return certificates.stream().filter(c -> c.id() == id).findFirst();
    }

    @Override
    public Optional<Certificate> findForUpdate(long id) {
        return find(id);
    }

    @Override
    public Optional<Certificate> findByVerificationCode(VerificationCode code) {
        return certificates.stream().filter(c -> c.verificationCode().equals(code)).findFirst();
    }

    @Override
    public Optional<Certificate> findLive(String editionCode, long participantId) {
        return certificates.stream().filter(c -> c.editionCode().equals(editionCode)
                && c.participantId() == participantId && c.isLive()).findFirst();
    }

    @Override
    public Optional<Certificate> findLatest(String editionCode, long participantId) {
        return certificates.stream().filter(c -> c.editionCode().equals(editionCode)
                && c.participantId() == participantId).max(Comparator.comparing(Certificate::id));
    }

    @Override
    public long count(CertificateStatus status) {
        return search(new Filter(null, null, status, null)).size();
    }

    @Override
    public List<Certificate> search(Filter filter) {
        return certificates.stream()
                .filter(c -> filter.editionCode() == null || c.editionCode().equals(filter.editionCode()))
                .filter(c -> filter.stateCode() == null || c.stateCode().equals(filter.stateCode()))
                .filter(c -> filter.status() == null || c.status() == filter.status())
                .filter(c -> filter.revocationRequested() == null
                        || c.revocationRequested() == filter.revocationRequested())
                .sorted(Comparator.comparing(Certificate::number))
                .toList();
    }

    @Override
    public List<Long> awaitingSignature(SignerRole party, String stateCode, String editionCode) {
        return certificates.stream()
                .filter(c -> c.status() == CertificateStatus.ISSUED && !c.isSignedBy(party))
                .filter(c -> stateCode == null || c.stateCode().equals(stateCode))
                .filter(c -> editionCode == null || c.editionCode().equals(editionCode))
                .map(Certificate::id).toList();
    }

    @Override
    public CertificateFiles files(long certificateId) {
        return Objects.requireNonNull(files.get(certificateId));
    }

    @Override
    public NumberSequence lockSequence(String editionCode, String stateCode) {
        return sequences.computeIfAbsent(CertificateNumber.sequenceKey(editionCode, stateCode),
                key -> new NumberSequence(editionCode, stateCode));
    }

    private static void setId(Certificate certificate, long id) {
        try {
            Field field = Certificate.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(certificate, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
