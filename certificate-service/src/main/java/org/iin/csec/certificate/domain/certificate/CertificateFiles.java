package org.iin.csec.certificate.domain.certificate;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * A certificate's PDF files, kept in the database (one backup holds everything) and apart from the certificate
 * row, so that listing certificates never reads files. The prepared file is the PDF as rendered, with both
 * signature fields empty; the current file is the latest signed revision, what is downloaded and verified.
 */
@Entity
@Table(name = "certificate_file")
public class CertificateFiles {

    @Id
    @Column(name = "certificate_id", nullable = false, updatable = false)
    private Long certificateId;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "prepared_pdf", nullable = false, updatable = false)
    private byte[] prepared;

    @Lob
    @Column(name = "current_pdf", nullable = false)
    private byte[] current;

    protected CertificateFiles() {
    }

    public CertificateFiles(long certificateId, byte[] prepared) {
        this.certificateId = certificateId;
        this.prepared = prepared.clone();
        this.current = prepared.clone();
    }

    /** Replaces the current file with a new signed revision of it. */
    public void replaceCurrent(byte[] signed) {
        this.current = signed.clone();
    }

    public long certificateId() {
        return certificateId;
    }

    public byte[] prepared() {
        return prepared.clone();
    }

    public byte[] current() {
        return current.clone();
    }
}
