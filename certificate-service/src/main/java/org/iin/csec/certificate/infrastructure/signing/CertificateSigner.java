package org.iin.csec.certificate.infrastructure.signing;

import com.itextpdf.forms.PdfAcroForm;
import com.itextpdf.forms.fields.PdfFormCreator;
import com.itextpdf.forms.fields.PdfFormField;
import com.itextpdf.forms.fields.PdfSignatureFormField;
import com.itextpdf.forms.form.element.SignatureFieldAppearance;
import com.itextpdf.kernel.crypto.DigestAlgorithms;
import com.itextpdf.kernel.exceptions.PdfException;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.layout.element.Div;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.VerticalAlignment;
import com.itextpdf.signatures.IExternalDigest;
import com.itextpdf.signatures.PdfSigner;
import com.itextpdf.signatures.PrivateKeySignature;
import com.itextpdf.signatures.ProviderDigest;
import com.itextpdf.signatures.SignerProperties;
import org.iin.csec.certificate.application.signing.SignerAppearance;
import org.iin.csec.certificate.application.signing.SigningCredential;
import org.iin.csec.certificate.application.signing.UnreadablePdfException;
import org.iin.csec.certificate.infrastructure.pdf.CertificateStyle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import static org.iin.csec.certificate.infrastructure.pdf.CertificateStyle.GREY;
import static org.iin.csec.certificate.infrastructure.pdf.CertificateStyle.NAVY;
import static org.iin.csec.certificate.infrastructure.pdf.CertificateStyle.fittingSize;
import static org.iin.csec.certificate.infrastructure.pdf.CertificateStyle.paragraph;

/**
 * Signs one signature field of a certificate PDF on the server: PAdES baseline-B (CAdES detached, subfilter
 * {@code ETSI.CAdES.detached}), SHA-256, as an incremental update (append mode) so that a signature already in
 * the other field stays valid. The signature is visible in the field: the signer's name, title and the UTC time.
 * Thread-safe; one instance can serve the application.
 */
public final class CertificateSigner {

    private static final String DIGEST = DigestAlgorithms.SHA256;
    /** JDK message digests: faster than BouncyCastle's pure-Java ones, and the same result. */
    private static final IExternalDigest DIGESTS = new ProviderDigest(null);
    private static final DateTimeFormatter SHOWN_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    /** Bytes reserved for the CMS container besides the certificates it carries. */
    private static final int SIGNATURE_OVERHEAD = 4096;

    private final Clock clock;

    /** Signs with the system clock's time. */
    public CertificateSigner() {
        this(Clock.systemUTC());
    }

    /** Signs with this clock's time, as shown on the page and claimed in the signature. */
    public CertificateSigner(Clock clock) {
        this.clock = clock;
    }

    /**
     * Returns the PDF with a signature added in the empty signature field {@code fieldName}.
     *
     * @throws IllegalArgumentException if the PDF has no empty signature field of that name
     * @throws UnreadablePdfException   if the bytes are not a readable PDF
     */
    public byte[] sign(byte[] pdf, String fieldName, SigningCredential credential, SignerAppearance signer) {
        Instant now = clock.instant();
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 32 * 1024);
        SignerProperties properties = new SignerProperties()
                .setFieldName(fieldName)
                .setClaimedSignDate(calendar(now));
        try {
            PdfSigner pdfSigner = openInAppendMode(pdf, out, properties);
            Rectangle area = emptySignatureField(pdfSigner.getDocument(), fieldName);
            properties.setSignatureAppearance(appearance(signer, now, area));
            X509Certificate[] chain = credential.chain().toArray(X509Certificate[]::new);
            pdfSigner.signDetached(DIGESTS, new PrivateKeySignature(credential.privateKey(), DIGEST, null), chain,
                    null, null, null, estimatedSize(chain), PdfSigner.CryptoStandard.CADES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** The signer owns the reader from here on: signing closes both. */
    private static PdfSigner openInAppendMode(byte[] pdf, ByteArrayOutputStream out, SignerProperties properties)
            throws IOException {
        try {
            return new PdfSigner(new PdfReader(new ByteArrayInputStream(pdf)), out, null,
                    new StampingProperties().useAppendMode(), properties);
        } catch (com.itextpdf.io.exceptions.IOException | PdfException e) {
            throw new UnreadablePdfException("The PDF to sign cannot be read", e);
        }
    }

    private static Rectangle emptySignatureField(PdfDocument document, String fieldName) {
        PdfAcroForm form = PdfFormCreator.getAcroForm(document, false);
        PdfFormField field = form == null ? null : form.getField(fieldName);
        if (!(field instanceof PdfSignatureFormField) || field.getWidgets().isEmpty()) {
            throw new IllegalArgumentException("The PDF has no signature field '" + fieldName + "'");
        }
        if (field.getValue() != null) {
            throw new IllegalArgumentException("Signature field '" + fieldName + "' is already signed");
        }
        return field.getWidgets().get(0).getRectangle().toRectangle();
    }

    /** One font only (the name is drawn in simulated bold): every font adds a subset of ~10 KB to the file. */
    private static SignatureFieldAppearance appearance(SignerAppearance signer, Instant now, Rectangle area) {
        PdfFont font = CertificateStyle.regularFont();
        float width = area.getWidth() - 8;
        Div content = new Div().setTextAlignment(TextAlignment.CENTER)
                .setHeight(area.getHeight() - 4).setVerticalAlignment(VerticalAlignment.BOTTOM);
        content.add(paragraph(signer.name(), font, fittingSize(font, signer.name(), 10, 6, width), NAVY)
                .simulateBold());
        if (!signer.title().isBlank()) {
            content.add(paragraph(signer.title(), font, fittingSize(font, signer.title(), 8, 5.5f, width), NAVY));
        }
        content.add(paragraph(SHOWN_TIME.format(now), font, 7, GREY).setMarginTop(2));
        SignatureFieldAppearance appearance = new SignatureFieldAppearance(SignerProperties.IGNORED_ID);
        appearance.setContent(content);
        appearance.setFont(font);
        return appearance;
    }

    private static int estimatedSize(X509Certificate[] chain) {
        int size = SIGNATURE_OVERHEAD;
        for (X509Certificate certificate : chain) {
            try {
                size += certificate.getEncoded().length;
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("Unreadable certificate in the signing credential", e);
            }
        }
        return size;
    }

    private static Calendar calendar(Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }
}
