package org.iin.csec.certificate.infrastructure.pdf;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.itextpdf.forms.PdfAcroForm;
import com.itextpdf.forms.fields.PdfFormCreator;
import com.itextpdf.forms.fields.PdfFormField;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.annot.PdfAnnotation;
import org.iin.csec.certificate.application.document.CertificateContent;
import org.iin.csec.certificate.domain.certificate.SignerRole;
import org.iin.csec.certificate.domain.certificate.VerificationCode;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

class CertificatePdfRendererTest {

    /** Inside the page's inner frame line, which is drawn 25 pt from each edge. */
    private static final Rectangle INSIDE_FRAME = new Rectangle(25, 25, 842 - 50, 595 - 50);

    private final CertificatePdfRenderer renderer = new CertificatePdfRenderer();

    @Test
    void rendersOneA4LandscapePage() throws Exception {
        byte[] pdf = renderer.render(SampleCertificates.spanish());

        try (PdfDocument document = open(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            Rectangle page = document.getPage(1).getPageSizeWithRotation();
            assertThat(page.getWidth()).isCloseTo(842f, offset(1f));
            assertThat(page.getHeight()).isCloseTo(595f, offset(1f));
        }
    }

    @Test
    void hasTwoEmptyVisiblePrintableSignatureFieldsWithRoomForAnAppearance() throws Exception {
        byte[] pdf = renderer.render(SampleCertificates.spanish());

        try (PdfDocument document = open(pdf)) {
            PdfAcroForm form = PdfFormCreator.getAcroForm(document, false);
            Map<String, PdfFormField> fields = form.getAllFormFields();
            assertThat(fields).containsOnlyKeys("iin", "state");
            for (SignerRole role : SignerRole.values()) {
                PdfFormField field = fields.get(role.fieldName());
                assertThat(field.getFormType()).isEqualTo(PdfName.Sig);
                assertThat(field.getValue()).as("signature value of %s", role).isNull();
                Rectangle area = field.getWidgets().get(0).getRectangle().toRectangle();
                assertThat(area.getWidth()).isGreaterThanOrEqualTo(200);
                assertThat(area.getHeight()).isGreaterThanOrEqualTo(50);
                assertThat(field.getWidgets().get(0).getFlags() & PdfAnnotation.PRINT).isNotZero();
                assertThat(field.getWidgets().get(0).getPage()).isEqualTo(document.getPage(1));
            }
        }
    }

    @Test
    void printsEverythingTheCertificateMustSayInSpanish() {
        CertificateContent content = SampleCertificates.spanish();

        String text = PageText.of(renderer.render(content));

        assertThat(text).contains(
                "CERTIFICADO",
                "Se otorga el presente certificado a",
                "María José Peña Araújo",
                "Explotación sexual comercial de niñas, niños y adolescentes",
                "2027-1",
                "120 horas",
                "del 1 de marzo de 2027 al 30 de abril de 2027",
                "Etapa presencial en Argentina: del 10 de mayo de 2027 al 14 de mayo de 2027",
                "Ana Lucía Gonçalves", "Coordinadora del curso",
                "Joaquín Ibáñez", "Director Nacional de Niñez",
                "2027-1/AR/0007",
                content.verificationCode().toString(),
                content.verificationUrl().toString());
    }

    @Test
    void printsInEnglishForAnEnglishEdition() {
        String text = PageText.of(renderer.render(SampleCertificates.english()));

        assertThat(text).contains("CERTIFICATE", "This certificate is awarded to", "120 hours",
                "from March 1, 2027 to April 30, 2027", "Face-to-face stage in Argentina");
        assertThat(text).doesNotContain("Se otorga");
    }

    @Test
    void withoutReportedFaceToFaceDatesNamesTheStageAndStateOnly() {
        CertificateContent dated = SampleCertificates.spanish();
        CertificateContent undated = new CertificateContent(dated.holderName(), dated.editionCode(),
                dated.editionTitle(), dated.courseHours(), dated.onlineStage(), null, dated.state(),
                dated.iinSignatory(), dated.stateSignatory(), dated.certificateNumber(), dated.verificationCode(),
                dated.verificationUrl(), dated.issueDate(), dated.language());

        String text = PageText.of(renderer.render(undated));

        assertThat(text).contains("Etapa presencial en Argentina").doesNotContain("Etapa presencial en Argentina:");
    }

    @Test
    void anotherReaderSeesTheAccentedNameAndEveryFontIsEmbedded() {
        Path file = Poppler.save("certificate-es.pdf", renderer.render(SampleCertificates.spanish()));

        String text = Poppler.run("pdftotext", "-layout", file.toString(), "-");
        String fonts = Poppler.run("pdffonts", file.toString());

        assertThat(text).contains("María José Peña Araújo", "Ana Lucía Gonçalves", "Joaquín Ibáñez");
        List<String> fontRows = fonts.lines().skip(2).filter(line -> !line.isBlank()).toList();
        assertThat(fontRows).isNotEmpty().allSatisfy(row -> {
            // columns: name type encoding emb sub uni object-id; "emb" is the fourth from the end
            String[] columns = row.trim().split("\\s+");
            assertThat(columns[columns.length - 5]).as("emb column of %s", row).isEqualTo("yes");
        });
    }

    @Test
    void qrCodeScansToTheVerificationUrl() throws Exception {
        CertificateContent content = SampleCertificates.spanish();
        Path file = Poppler.save("certificate-qr.pdf", renderer.render(content));
        Path image = Poppler.OUTPUT.resolve("certificate-qr");

        Poppler.run("pdftoppm", "-r", "150", "-png", "-singlefile", file.toString(), image.toString());
        BufferedImage page = ImageIO.read(Files.newInputStream(Path.of(image + ".png")));
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        RGBLuminanceSource luminance = new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels);
        String scanned = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(luminance)),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();

        assertThat(scanned).isEqualTo(content.verificationUrl().toString());
    }

    @Test
    void aLongNameShrinksOrWrapsInsideThePageWithoutCoveringTheSignatureFields() {
        String name = "María de los Ángeles Gonçalves Araújo Ñúñez Peña y Lillo Zúñiga-Echeverría "
                + "de la Santa Trinidad Castello Branco Sanabria";
        assertThat(name).hasSize(120);

        byte[] pdf = renderer.render(SampleCertificates.withHolder(name));
        Poppler.save("certificate-long-name.pdf", pdf);

        assertStaysOnOnePageInsideTheFrame(pdf);
        assertThat(PageText.of(pdf).replaceAll("\\s+", " ")).contains(name);
    }

    @Test
    void everyFieldAtItsLongestStillFitsOnePage() {
        CertificateContent longest = new CertificateContent(
                words(CertificateContent.MAX_NAME_LENGTH), "2027-1",
                words(CertificateContent.MAX_TITLE_LENGTH), 1200,
                new CertificateContent.DateRange(LocalDate.of(2027, 9, 30), LocalDate.of(2027, 12, 31)),
                new CertificateContent.DateRange(LocalDate.of(2027, 9, 30), LocalDate.of(2027, 12, 31)),
                new CertificateContent.State("VC", words(CertificateContent.MAX_NAME_LENGTH)),
                new CertificateContent.Signatory(words(200), words(200), words(200)),
                new CertificateContent.Signatory(words(200), words(200), words(200)),
                "2027-1/VC/" + "9".repeat(CertificateContent.MAX_CODE_LENGTH - 10),
                VerificationCode.random(),
                URI.create("https://certificados.iin.oea.org/verify/" + "X".repeat(160)),
                LocalDate.of(2027, 12, 31), Locale.forLanguageTag("es"));

        byte[] pdf = renderer.render(longest);
        Poppler.save("certificate-longest.pdf", pdf);

        assertStaysOnOnePageInsideTheFrame(pdf);
    }

    @Test
    void arabicAndHebrewTextRendersInsideThePage() {
        CertificateContent base = SampleCertificates.spanish();
        CertificateContent rightToLeft = new CertificateContent(
                "محمد بن عبد الله الهاشمي", base.editionCode(), "دورة عن الاستغلال الجنسي التجاري للأطفال",
                base.courseHours(), base.onlineStage(), base.faceToFaceStage(),
                new CertificateContent.State("IL", "ישראל"),
                base.iinSignatory(),
                new CertificateContent.Signatory("דוד כהן", "מנהל", "משרד הרווחה"),
                base.certificateNumber(), base.verificationCode(), base.verificationUrl(), base.issueDate(),
                base.language());

        byte[] pdf = renderer.render(rightToLeft);
        Poppler.save("certificate-rtl.pdf", pdf);

        assertStaysOnOnePageInsideTheFrame(pdf);
        assertThat(Poppler.run("pdftotext", Poppler.OUTPUT.resolve("certificate-rtl.pdf").toString(), "-"))
                .as("a reader sees the right-to-left names in reading order")
                .contains("محمد بن عبد الله الهاشمي", "ישראל", "דוד כהן", "משרד הרווחה");
    }

    @Test
    void refusesALanguageWithoutTranslationNamingTheFileToAdd() {
        CertificateContent portuguese = SampleCertificates.withHolder("João", Locale.forLanguageTag("pt"));

        assertThat(new CertificatePdfRenderer().supports(Locale.forLanguageTag("pt"))).isFalse();
        assertThat(new CertificatePdfRenderer().supports(Locale.forLanguageTag("es-AR"))).isTrue();
        assertThatThrownBy(() -> renderer.render(portuguese))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("messages_pt.properties");
    }

    @Test
    void everyTranslationHasEveryTextSoANewLanguageNeedsOnlyItsFile() throws Exception {
        Map<String, Properties> translations = new LinkedHashMap<>();
        for (String language : List.of("es", "en")) {
            Properties texts = new Properties();
            try (InputStream in = getClass().getResourceAsStream("messages_" + language + ".properties")) {
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            translations.put(language, texts);
        }

        assertThat(translations.get("en").keySet()).isEqualTo(translations.get("es").keySet());
        assertThat(translations.get("es").getProperty("certificate.institution")).contains("Niño");
    }

    private static void assertStaysOnOnePageInsideTheFrame(byte[] pdf) {
        try (PdfDocument document = open(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<PageText.Placed> pieces = PageText.placed(pdf);
        assertThat(pieces).isNotEmpty();
        for (PageText.Placed piece : pieces) {
            Rectangle box = piece.box();
            assertThat(INSIDE_FRAME.contains(box)).as("'%s' at %s is inside the frame", piece.text(), box).isTrue();
            for (SignerRole role : SignerRole.values()) {
                Rectangle field = CertificatePdfRenderer.signatureFieldArea(role);
                assertThat(overlap(box, field)).as("'%s' at %s keeps clear of the %s signature field",
                        piece.text(), box, role).isFalse();
            }
        }
    }

    private static boolean overlap(Rectangle a, Rectangle b) {
        return a.getLeft() < b.getRight() && b.getLeft() < a.getRight()
                && a.getBottom() < b.getTop() && b.getBottom() < a.getTop();
    }

    /** Text of exactly {@code length} characters made of accented words. */
    private static String words(int length) {
        return "Ñandú Gonçalves São Tomé Ibáñez ".repeat(length).substring(0, length - 1) + "x";
    }

    private static PdfDocument open(byte[] pdf) throws IOException {
        return new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)));
    }
}
