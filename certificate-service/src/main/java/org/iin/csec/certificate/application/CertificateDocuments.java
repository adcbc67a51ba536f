package org.iin.csec.certificate.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iin.csec.certificate.application.document.CertificateContent;
import org.iin.csec.certificate.application.document.CertificateRenderer;
import org.iin.csec.certificate.domain.certificate.Certificate;
import org.iin.csec.certificate.domain.certificate.PrintedContent;
import org.iin.csec.certificate.domain.certificate.VerificationCode;

import java.net.URI;
import java.util.Locale;

/**
 * Turns a certificate into its PDF, and knows where its public verification page is: the QR code and the printed
 * link point to {@code {csec.public.url}/certificates/verify/{code}}, the address people reach from outside.
 */
@ApplicationScoped
public class CertificateDocuments {

    /** The language printed when the edition's language has no certificate translation yet. */
    public static final String FALLBACK_LANGUAGE = "es";

    @Inject
    CertificateRenderer renderer;

    @Inject
    @ConfigProperty(name = "csec.public.url", defaultValue = "http://localhost:8080")
    String publicUrl;

    public CertificateDocuments() {
    }

    /** For tests without a container. */
    public CertificateDocuments(String publicUrl, CertificateRenderer renderer) {
        this.publicUrl = publicUrl;
        this.renderer = renderer;
    }

    public URI verificationUrl(VerificationCode verificationCode) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return URI.create(base + "/certificates/verify/" + verificationCode);
    }

    /** The language a certificate asked for in {@code requested} is printed in. */
    public String printedLanguage(String requested) {
        return renderer.supports(Locale.forLanguageTag(requested)) ? requested : FALLBACK_LANGUAGE;
    }

    /** Renders the certificate as issued: both signature fields empty. */
    public byte[] render(Certificate certificate) {
        PrintedContent c = certificate.content();
        CertificateContent content = new CertificateContent(
                c.holderName(),
                certificate.editionCode(),
                c.editionTitle(),
                c.courseHours(),
                new CertificateContent.DateRange(c.onlineStageStart(), c.onlineStageEnd()),
                c.faceToFaceStart() == null ? null
                        : new CertificateContent.DateRange(c.faceToFaceStart(), c.faceToFaceEnd()),
                new CertificateContent.State(certificate.stateCode(), c.stateName()),
                signatory(c.iinSignatory()),
                signatory(c.stateSignatory()),
                certificate.number(),
                certificate.verificationCode(),
                verificationUrl(certificate.verificationCode()),
                c.issueDate(),
                Locale.forLanguageTag(c.language()));
        return renderer.render(content);
    }

    private static CertificateContent.Signatory signatory(PrintedContent.Signatory s) {
        return new CertificateContent.Signatory(s.name(), s.title(), s.institution());
    }
}
