package org.iin.csec.certificate.infrastructure.signing;

import com.itextpdf.forms.fields.PdfFormCreator;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfResources;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.kernel.pdf.annot.PdfWidgetAnnotation;
import com.itextpdf.kernel.pdf.canvas.parser.PdfCanvasProcessor;
import com.itextpdf.kernel.pdf.canvas.parser.listener.LocationTextExtractionStrategy;
import org.iin.csec.certificate.application.signing.SignerAppearance;
import org.iin.csec.certificate.application.signing.SigningCredential;
import org.iin.csec.certificate.domain.certificate.SignerRole;
import org.iin.csec.certificate.infrastructure.pdf.CertificatePdfRenderer;
import org.iin.csec.certificate.infrastructure.pdf.Poppler;
import org.iin.csec.certificate.infrastructure.pdf.SampleCertificates;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Prepared and signed certificates for the signing tests, and ways to look into them. */
final class SigningFixtures {

    /** The signing time of every test signature: fixed, so that the visible date can be checked. */
    static final Instant SIGNING_TIME = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    static final CertificateSigner SIGNER = new CertificateSigner(Clock.fixed(SIGNING_TIME, ZoneOffset.UTC));
    static final SignerAppearance COURSE_LEADER =
            new SignerAppearance("Ana Lucía Gonçalves", "Coordinadora del curso");
    static final SignerAppearance STATE_SIGNATORY =
            new SignerAppearance("Joaquín Ibáñez", "Director Nacional de Niñez");

    private SigningFixtures() {
    }

    /** A freshly rendered certificate with its two fields empty. */
    static byte[] prepared() {
        return new CertificatePdfRenderer().render(SampleCertificates.spanish());
    }

    static byte[] signAsCourseLeader(byte[] pdf) {
        return sign(pdf, SignerRole.IIN, TestCredentials.courseLeader(), COURSE_LEADER);
    }

    static byte[] signAsStateSignatory(byte[] pdf) {
        return sign(pdf, SignerRole.STATE, TestCredentials.stateSignatory(), STATE_SIGNATORY);
    }

    static byte[] sign(byte[] pdf, SignerRole field, TestCredentials who, SignerAppearance shown) {
        try (SigningCredential credential = who.unlock()) {
            return SIGNER.sign(pdf, field.fieldName(), credential, shown);
        }
    }

    /** The PDF with an incremental update (append mode) made by the given edit. */
    static byte[] appendUpdate(byte[] pdf, Consumer<PdfDocument> edit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)),
                new PdfWriter(out), new StampingProperties().useAppendMode())) {
            edit.accept(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The text drawn in each signature field's visible appearance, by field name. */
    static Map<String, String> appearanceTexts(byte[] pdf) {
        Map<String, String> texts = new LinkedHashMap<>();
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            PdfFormCreator.getAcroForm(document, false).getAllFormFields().forEach((name, field) -> {
                PdfWidgetAnnotation widget = field.getWidgets().get(0);
                PdfDictionary appearances = widget.getAppearanceDictionary();
                PdfStream normal = appearances == null ? null : appearances.getAsStream(PdfName.N);
                if (normal == null) {
                    texts.put(name, "");
                    return;
                }
                LocationTextExtractionStrategy strategy = new LocationTextExtractionStrategy();
                PdfDictionary resources = normal.getAsDictionary(PdfName.Resources);
                new PdfCanvasProcessor(strategy).processContent(normal.getBytes(),
                        new PdfResources(resources == null ? new PdfDictionary() : resources));
                texts.put(name, strategy.getResultantText());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    /** pdfsig's report, one block of text per signature field name. */
    static Map<String, String> pdfsig(String fileName, byte[] pdf) {
        String output = Poppler.run("pdfsig",
                Poppler.save(fileName, pdf).toString());
        Map<String, String> blocks = new LinkedHashMap<>();
        for (String block : output.split("Signature #\\d+:")) {
            block.lines()
                    .filter(line -> line.contains("Signature Field Name:"))
                    .findFirst()
                    .ifPresent(line -> blocks.put(line.substring(line.indexOf(':') + 1).trim(), block));
        }
        return blocks;
    }
}
