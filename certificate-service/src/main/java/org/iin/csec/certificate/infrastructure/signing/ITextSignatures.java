package org.iin.csec.certificate.infrastructure.signing;

import jakarta.enterprise.context.ApplicationScoped;
import org.iin.csec.certificate.application.signing.PdfSignatures;
import org.iin.csec.certificate.application.signing.SignatureReport;
import org.iin.csec.certificate.application.signing.SignerAppearance;
import org.iin.csec.certificate.application.signing.SigningCredential;
import org.iin.csec.certificate.application.signing.UploadVerdict;

import java.security.cert.X509Certificate;

/** The application's PDF signatures, with iText and BouncyCastle. Stateless and thread-safe, as its parts are. */
@ApplicationScoped
public class ITextSignatures implements PdfSignatures {

    private final CertificateSigner signer = new CertificateSigner();
    private final SignatureVerifier verifier = new SignatureVerifier();
    private final UploadedSignatureCheck uploads = new UploadedSignatureCheck();

    @Override
    public byte[] sign(byte[] pdf, String fieldName, SigningCredential credential, SignerAppearance appearance) {
        return signer.sign(pdf, fieldName, credential, appearance);
    }

    @Override
    public SignatureReport verify(byte[] pdf) {
        return verifier.verify(pdf);
    }

    @Override
    public UploadVerdict checkUpload(byte[] prepared, byte[] uploaded, String fieldName,
                                     X509Certificate registeredCertificate) {
        return uploads.check(prepared, uploaded, fieldName, registeredCertificate);
    }
}
