package org.iin.csec.certificate.domain.certificate;

import java.util.List;
import java.util.Optional;

/** Certificates, their files and their number sequences. */
public interface CertificateRepository {

    /** Stores a new certificate with its prepared file; the certificate has its id afterwards. */
    void add(Certificate certificate, byte[] preparedPdf);

    Optional<Certificate> find(long id);

    /** The certificate, with a row lock held until the transaction ends: for every change to it or its file. */
    Optional<Certificate> findForUpdate(long id);

    Optional<Certificate> findByVerificationCode(VerificationCode code);

    /** The participant's live certificate in the edition, if any. */
    Optional<Certificate> findLive(String editionCode, long participantId);

    /** The participant's most recent certificate in the edition, live or revoked. */
    Optional<Certificate> findLatest(String editionCode, long participantId);

    /** Filters may be null; ordered by number. */
    List<Certificate> search(Filter filter);

    /** Ids of the live certificates still waiting for {@code party}'s signature, oldest first. */
    List<Long> awaitingSignature(SignerRole party, String stateCode, String editionCode);

    /** How many certificates are in {@code status}, all editions together. */
    long count(CertificateStatus status);

    CertificateFiles files(long certificateId);

    /**
     * The edition and state's number sequence, locked until the transaction ends; created (in its own transaction)
     * on first use. Holding it also serialises issuance for one edition and state.
     */
    NumberSequence lockSequence(String editionCode, String stateCode);

    /** What {@link #search} selects; null means any. */
    record Filter(String editionCode, String stateCode, CertificateStatus status, Boolean revocationRequested) {
    }
}
