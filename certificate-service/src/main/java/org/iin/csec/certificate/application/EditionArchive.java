package org.iin.csec.certificate.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.iin.csec.certificate.domain.certificate.Certificate;
import org.iin.csec.certificate.domain.certificate.CertificateRepository;
import org.iin.csec.certificate.domain.certificate.CertificateStatus;
import org.iin.csec.chassis.domain.NotFound;
import org.iin.csec.chassis.domain.StateCode;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The signed certificates of an edition (optionally one state) for bulk download. The list is read and checked
 * once; the files are then read one at a time while the archive is written, so an edition of 1,750 certificates
 * never sits in memory.
 */
@ApplicationScoped
public class EditionArchive {

    @Inject
    CertificateRepository certificates;

    /** One file of the archive. */
    public record Entry(long certificateId, String fileName) {
    }

    @Transactional
    public List<Entry> signedCertificates(Caller caller, String editionCode, String state) {
        String stateCode = state == null || state.isBlank() ? null : StateCode.of(state);
        String visible = Access.visibleState(caller, stateCode);
        List<Entry> entries = Stream.of(CertificateStatus.SIGNED, CertificateStatus.DELIVERED)
                .flatMap(status -> certificates.search(new CertificateRepository.Filter(editionCode, visible,
                        status, null)).stream())
                .sorted(Comparator.comparing(Certificate::number))
                .map(c -> new Entry(c.id(), fileName(c)))
                .toList();
        if (entries.isEmpty()) {
            throw new NotFound("There are no signed certificates of edition " + editionCode
                    + (visible == null ? "" : " for " + visible) + " yet.");
        }
        return entries;
    }

    /** One archived file; the caller was checked when the list was made. */
    @Transactional
    public byte[] file(Entry entry) {
        return certificates.files(entry.certificateId()).current();
    }

    /** e.g. {@code certificate-2027-1-AR-0007.pdf}: the number, safe as a file name everywhere. */
    public static String fileName(Certificate certificate) {
        return "certificate-" + certificate.number().replaceAll("[^A-Za-z0-9._-]", "-") + ".pdf";
    }
}
