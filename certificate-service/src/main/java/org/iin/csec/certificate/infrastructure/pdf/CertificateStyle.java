package org.iin.csec.certificate.infrastructure.pdf;

import com.itextpdf.io.font.FontProgram;
import com.itextpdf.io.font.FontProgramFactory;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory.EmbeddingStrategy;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.layout.element.Paragraph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The look shared by certificates and the signatures drawn on them. The font is DejaVu Sans, embedded as a subset,
 * so that accents, ñ, ç, ã, Arabic and Hebrew letters print the same in every viewer. The TrueType files are
 * parsed once per JVM (iText's font programs are safe to share between threads); each PDF gets its own
 * {@link PdfFont}.
 */
public final class CertificateStyle {

    public static final Color NAVY = new DeviceRgb(0x1F, 0x3A, 0x5F);
    public static final Color GOLD = new DeviceRgb(0xB0, 0x8D, 0x3C);
    public static final Color GREY = new DeviceRgb(0x55, 0x5B, 0x66);
    public static final Color INK = new DeviceRgb(0x1A, 0x1A, 0x1A);

    private static final String FONT_FOLDER = "/net/sf/jasperreports/fonts/dejavu/";
    private static final FontProgram REGULAR = load("DejaVuSans.ttf");
    private static final FontProgram BOLD = load("DejaVuSans-Bold.ttf");

    private CertificateStyle() {
    }

    /** A new regular font for one PDF document. */
    public static PdfFont regularFont() {
        return embed(REGULAR);
    }

    /** A new bold font for one PDF document. Each font used adds a subset of about 10 KB to the file. */
    public static PdfFont boldFont() {
        return embed(BOLD);
    }

    /** A paragraph of one text, without margins, with right-to-left runs put in drawing order. */
    public static Paragraph paragraph(String text, PdfFont font, float size, Color color) {
        return new Paragraph(VisualOrder.of(text)).setFont(font).setFontSize(size).setFontColor(color).setMargin(0)
                .setMultipliedLeading(1.15f);
    }

    /**
     * The size at which the text fills the width on one line (with 2 % to spare for rounding), kept between the
     * minimum and maximum sizes; below the minimum the text wraps instead.
     */
    public static float fittingSize(PdfFont font, String text, float max, float min, float width) {
        float widthAtOnePoint = font.getWidth(text, 1);
        return widthAtOnePoint <= 0 ? max : Math.max(min, Math.min(max, width * 0.98f / widthAtOnePoint));
    }

    private static PdfFont embed(FontProgram program) {
        return PdfFontFactory.createFont(program, PdfEncodings.IDENTITY_H, EmbeddingStrategy.FORCE_EMBEDDED);
    }

    private static FontProgram load(String file) {
        try (InputStream in = CertificateStyle.class.getResourceAsStream(FONT_FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("Font " + file + " is missing from the class path "
                        + "(dependency net.sf.jasperreports:jasperreports-fonts)");
            }
            return FontProgramFactory.createFont(in.readAllBytes(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read font " + file, e);
        }
    }
}
