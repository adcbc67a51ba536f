package org.iin.csec.certificate.infrastructure.pdf;

import com.itextpdf.barcodes.BarcodeQRCode;
import com.itextpdf.barcodes.qrcode.EncodeHintType;
import com.itextpdf.barcodes.qrcode.ErrorCorrectionLevel;
import com.itextpdf.forms.PdfAcroForm;
import com.itextpdf.forms.fields.PdfFormAnnotation;
import com.itextpdf.forms.fields.PdfFormCreator;
import com.itextpdf.forms.fields.PdfSignatureFormField;
import com.itextpdf.forms.fields.SignatureFormFieldBuilder;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.PdfViewerPreferences;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.action.PdfAction;
import com.itextpdf.kernel.pdf.annot.PdfLinkAnnotation;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.canvas.draw.SolidLine;
import com.itextpdf.kernel.pdf.xobject.PdfFormXObject;
import com.itextpdf.layout.Canvas;
import com.itextpdf.layout.element.Div;
import com.itextpdf.layout.element.LineSeparator;
import com.itextpdf.layout.layout.LayoutArea;
import com.itextpdf.layout.layout.LayoutContext;
import com.itextpdf.layout.layout.LayoutResult;
import com.itextpdf.layout.properties.HorizontalAlignment;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.UnitValue;
import com.itextpdf.layout.renderer.DrawContext;
import com.itextpdf.layout.renderer.IRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import org.iin.csec.certificate.application.document.CertificateContent;
import org.iin.csec.certificate.application.document.CertificateRenderer;
import org.iin.csec.certificate.domain.certificate.SignerRole;

import java.io.ByteArrayOutputStream;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Function;

import static org.iin.csec.certificate.infrastructure.pdf.CertificateStyle.GOLD;
import static org.iin.csec.certificate.infrastructure.pdf.CertificateStyle.GREY;
import static org.iin.csec.certificate.infrastructure.pdf.CertificateStyle.INK;
import static org.iin.csec.certificate.infrastructure.pdf.CertificateStyle.NAVY;
import static org.iin.csec.certificate.infrastructure.pdf.CertificateStyle.fittingSize;
import static org.iin.csec.certificate.infrastructure.pdf.CertificateStyle.paragraph;

/**
 * Renders a {@link CertificateContent} as a one-page A4 landscape PDF in the certificate's language, with a QR code
 * to the verification page and two empty, visible signature fields ({@link SignerRole}) for the co-signers.
 * <p>
 * Every text block is laid out in a fixed area of the page and shrinks until it fits, so long names and titles
 * (up to the limits of {@link CertificateContent}) wrap or get smaller instead of overflowing. Thread-safe and
 * stateless: one instance can serve the whole application.
 */
@ApplicationScoped
public class CertificatePdfRenderer implements CertificateRenderer {

    private static final String MESSAGES = "org.iin.csec.certificate.infrastructure.pdf.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static final PageSize PAGE = PageSize.A4.rotate();

    private static final float SIDE = 70;
    private static final float SIGNATURE_WIDTH = 230;
    private static final float SIGNATURE_HEIGHT = 64;
    private static final float SIGNATURE_BOTTOM = 128;
    private static final float QR_SIZE = 84;
    private static final Rectangle BODY = new Rectangle(60, 205, PAGE.getWidth() - 120, PAGE.getHeight() - 205 - 42);
    private static final Rectangle VERIFICATION =
            new Rectangle(SIDE + SIGNATURE_WIDTH + 12, 40, PAGE.getWidth() - 2 * (SIDE + SIGNATURE_WIDTH + 12), 66);

    /** Each fitted block is tried at full size, then 10 % smaller each time, down to this fraction. */
    private static final float MIN_SCALE = 0.4f;

    /** Where a party signs: the visible signature field's rectangle on the page. */
    public static Rectangle signatureFieldArea(SignerRole role) {
        float x = role == SignerRole.IIN ? SIDE : PAGE.getWidth() - SIDE - SIGNATURE_WIDTH;
        return new Rectangle(x, SIGNATURE_BOTTOM, SIGNATURE_WIDTH, SIGNATURE_HEIGHT);
    }

    /** Whether certificates can be printed in this language, i.e. its translation file exists. */
    @Override
    public boolean supports(Locale language) {
        try {
            ResourceBundle.getBundle(MESSAGES, language, NO_FALLBACK);
            return true;
        } catch (MissingResourceException e) {
            return false;
        }
    }

    /**
     * Renders the certificate, ready for the two signatures.
     *
     * @throws IllegalArgumentException if the certificate's language has no translation file
     */
    @Override
    public byte[] render(CertificateContent content) {
        Texts texts = new Texts(content.language());
        ByteArrayOutputStream out = new ByteArrayOutputStream(48 * 1024);
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(out))) {
            PdfFont regular = CertificateStyle.regularFont();
            PdfFont bold = CertificateStyle.boldFont();
            describe(pdf, content, texts);
            PdfPage page = pdf.addNewPage(PAGE);
            PdfCanvas canvas = new PdfCanvas(page);
            drawFrame(canvas);
            placeFitted(canvas, BODY, regular, scale -> body(content, texts, regular, bold, scale));
            for (SignerRole role : SignerRole.values()) {
                CertificateContent.Signatory signatory =
                        role == SignerRole.IIN ? content.iinSignatory() : content.stateSignatory();
                Rectangle field = signatureFieldArea(role);
                canvas.saveState().setStrokeColor(GREY).setLineWidth(0.6f)
                        .moveTo(field.getLeft(), field.getBottom() - 2)
                        .lineTo(field.getRight(), field.getBottom() - 2).stroke().restoreState();
                Rectangle caption = new Rectangle(field.getLeft(), 40, field.getWidth(), field.getBottom() - 48);
                placeFitted(canvas, caption, regular, scale -> signatoryCaption(signatory, regular, bold, scale));
            }
            drawQrCode(pdf, page, canvas, content);
            placeFitted(canvas, VERIFICATION, regular, scale -> verification(content, texts, regular, bold, scale));
            addEmptySignatureFields(pdf, page);
        }
        return out.toByteArray();
    }

    private static void describe(PdfDocument pdf, CertificateContent content, Texts texts) {
        pdf.getDocumentInfo()
                .setTitle(texts.get("certificate.title") + " " + content.certificateNumber() + " – "
                        + content.holderName())
                .setSubject(content.editionTitle())
                .setAuthor(texts.get("certificate.institution"))
                .setCreator("IIN CSEC course manager");
        pdf.getCatalog().setLang(new PdfString(content.language().toLanguageTag()));
        pdf.getCatalog().setViewerPreferences(new PdfViewerPreferences().setDisplayDocTitle(true));
    }

    private static void drawFrame(PdfCanvas canvas) {
        canvas.saveState()
                .setStrokeColor(NAVY).setLineWidth(2.5f)
                .rectangle(18, 18, PAGE.getWidth() - 36, PAGE.getHeight() - 36).stroke()
                .setStrokeColor(GOLD).setLineWidth(0.8f)
                .rectangle(25, 25, PAGE.getWidth() - 50, PAGE.getHeight() - 50).stroke()
                .restoreState();
    }

    private static Div body(CertificateContent c, Texts texts, PdfFont regular, PdfFont bold, float scale) {
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(c.language());
        float width = BODY.getWidth();
        Div body = new Div().setTextAlignment(TextAlignment.CENTER);
        body.add(paragraph(texts.get("certificate.institution"), bold, 14 * scale, NAVY));
        body.add(paragraph(texts.get("certificate.organization"), regular, 10 * scale, GREY));
        body.add(paragraph(texts.get("certificate.title").toUpperCase(c.language()), bold, 34 * scale, NAVY)
                .setCharacterSpacing(3 * scale).setMarginTop(16 * scale));
        body.add(paragraph(texts.get("certificate.awardedTo"), regular, 12 * scale, INK).setMarginTop(10 * scale));
        body.add(paragraph(c.holderName(), bold, fittingSize(bold, c.holderName(), 30 * scale, 15 * scale, width), NAVY)
                .setMarginTop(6 * scale));
        SolidLine rule = new SolidLine(0.8f);
        rule.setColor(GOLD);
        body.add(new LineSeparator(rule)
                .setWidth(UnitValue.createPercentValue(40)).setHorizontalAlignment(HorizontalAlignment.CENTER)
                .setMarginTop(6 * scale).setMarginBottom(8 * scale));
        body.add(paragraph(texts.format("certificate.completion", c.editionTitle(), c.editionCode(), c.courseHours()),
                regular, 12.5f * scale, INK));
        body.add(paragraph(texts.format("certificate.onlineStage",
                dates.format(c.onlineStage().start()), dates.format(c.onlineStage().end())),
                regular, 11 * scale, INK).setMarginTop(6 * scale));
        String faceToFace = c.faceToFaceStage() == null
                ? texts.format("certificate.faceToFaceStageUndated", c.state().name())
                : texts.format("certificate.faceToFaceStage", c.state().name(),
                        dates.format(c.faceToFaceStage().start()), dates.format(c.faceToFaceStage().end()));
        body.add(paragraph(faceToFace, regular, 11 * scale, INK));
        body.add(paragraph(texts.format("certificate.issued", dates.format(c.issueDate())), regular, 10 * scale, GREY)
                .setMarginTop(10 * scale));
        return body;
    }

    private static Div signatoryCaption(CertificateContent.Signatory signatory, PdfFont regular, PdfFont bold,
                                        float scale) {
        Div caption = new Div().setTextAlignment(TextAlignment.CENTER);
        caption.add(paragraph(signatory.name(), bold,
                fittingSize(bold, signatory.name(), 10.5f * scale, 7 * scale, SIGNATURE_WIDTH), INK));
        caption.add(paragraph(signatory.title(), regular, 9 * scale, INK));
        caption.add(paragraph(signatory.institution(), regular, 9 * scale, GREY));
        return caption;
    }

    private static Div verification(CertificateContent c, Texts texts, PdfFont regular, PdfFont bold, float scale) {
        Div block = new Div().setTextAlignment(TextAlignment.CENTER);
        block.add(paragraph(texts.get("certificate.verificationCode"), regular, 7.5f * scale, GREY));
        block.add(paragraph(c.verificationCode().toString(), bold, 11 * scale, NAVY));
        block.add(paragraph(texts.format("certificate.number", c.certificateNumber()), regular, 8.5f * scale, INK));
        String url = c.verificationUrl().toString();
        block.add(paragraph(texts.get("certificate.verifyAt"), regular, 7.5f * scale, GREY));
        block.add(paragraph(url, regular, fittingSize(regular, url, 7.5f * scale, 5.5f * scale,
                VERIFICATION.getWidth()), GREY));
        return block;
    }

    private static void drawQrCode(PdfDocument pdf, PdfPage page, PdfCanvas canvas, CertificateContent content) {
        String url = content.verificationUrl().toString();
        BarcodeQRCode qr = new BarcodeQRCode(url, Map.of(
                EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                EncodeHintType.CHARACTER_SET, "UTF-8"));
        PdfFormXObject image = qr.createFormXObject(NAVY, pdf);
        Rectangle area = new Rectangle((PAGE.getWidth() - QR_SIZE) / 2, VERIFICATION.getTop() + 4, QR_SIZE, QR_SIZE);
        canvas.addXObjectFittedIntoRectangle(image, area);
        page.addAnnotation(new PdfLinkAnnotation(area)
                .setAction(PdfAction.createURI(url))
                .setBorder(new PdfArray(new float[] {0, 0, 0})));
    }

    private static void addEmptySignatureFields(PdfDocument pdf, PdfPage page) {
        PdfAcroForm form = PdfFormCreator.getAcroForm(pdf, true);
        for (SignerRole role : SignerRole.values()) {
            PdfSignatureFormField field = new SignatureFormFieldBuilder(pdf, role.fieldName())
                    .setWidgetRectangle(signatureFieldArea(role))
                    .setPage(page)
                    .createSignature();
            field.getFirstFormAnnotation().setVisibility(PdfFormAnnotation.VISIBLE);
            form.addField(field, page);
        }
    }

    /**
     * Lays out the block built at decreasing scales until it fits the area, then draws that layout (adding the
     * block through {@code Canvas.add} would lay it out a second time). Should even the smallest try not fit, its
     * part that fits is drawn; the length limits of {@link CertificateContent} prevent that.
     */
    private static void placeFitted(PdfCanvas pdfCanvas, Rectangle area, PdfFont font, Function<Float, Div> build) {
        try (Canvas canvas = new Canvas(pdfCanvas, area)) {
            canvas.setFont(font).setFontColor(NAVY);
            IRenderer fitted;
            float scale = 1f;
            while (true) {
                IRenderer renderer = build.apply(scale).createRendererSubTree().setParent(canvas.getRenderer());
                LayoutResult result = renderer.layout(new LayoutContext(new LayoutArea(1, area.clone())));
                if (result.getStatus() == LayoutResult.FULL) {
                    fitted = renderer;
                    break;
                }
                if (scale - 0.1f < MIN_SCALE) {
                    fitted = result.getSplitRenderer();
                    break;
                }
                scale -= 0.1f;
            }
            if (fitted != null) {
                fitted.draw(new DrawContext(pdfCanvas.getDocument(), pdfCanvas));
            }
        }
    }

    /** The translation file of one language, with {@link MessageFormat} patterns. */
    private static final class Texts {
        private final Locale language;
        private final ResourceBundle bundle;

        Texts(Locale language) {
            this.language = language;
            try {
                this.bundle = ResourceBundle.getBundle(MESSAGES, language, NO_FALLBACK);
            } catch (MissingResourceException e) {
                throw new IllegalArgumentException("Certificates cannot be printed in '" + language
                        + "': add its translation " + MESSAGES.replace('.', '/') + "_"
                        + language.getLanguage() + ".properties", e);
            }
        }

        String get(String key) {
            return bundle.getString(key);
        }

        String format(String key, Object... arguments) {
            return new MessageFormat(bundle.getString(key), language).format(arguments);
        }
    }
}
