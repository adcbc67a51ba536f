package org.iin.csec.certificate.application.signing;

import java.security.cert.X509Certificate;

/**
 * What the application needs of PDF signatures: adding a party's PAdES signature to its field, reading every
 * signature of a file, and checking a file a party signed elsewhere. iText does it (infrastructure.signing).
 */
public interface PdfSignatures {

    /** {@code pdf} with {@code signer}'s signature in the field {@code fieldName}, made with {@code credential}. */
    byte[] sign(byte[] pdf, String fieldName, SigningCredential credential, SignerAppearance signer);

    /**
     * Every signature field of {@code pdf} and what its signature proves.
     *
     * @throws UnreadablePdfException if the bytes are not a readable PDF
     */
    SignatureReport verify(byte[] pdf);

    /**
     * Whether {@code uploaded} is {@code prepared} with only a valid signature added in {@code fieldName}, made with
     * the party's {@code registeredCertificate}.
     */
    UploadVerdict checkUpload(byte[] prepared, byte[] uploaded, String fieldName,
                              X509Certificate registeredCertificate);
}
