package org.iin.csec.certificate.infrastructure.pdf;

import com.itextpdf.kernel.geom.LineSegment;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.geom.Vector;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.EventType;
import com.itextpdf.kernel.pdf.canvas.parser.PdfCanvasProcessor;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import com.itextpdf.kernel.pdf.canvas.parser.data.IEventData;
import com.itextpdf.kernel.pdf.canvas.parser.data.TextRenderInfo;
import com.itextpdf.kernel.pdf.canvas.parser.listener.IEventListener;
import com.itextpdf.kernel.pdf.canvas.parser.listener.LocationTextExtractionStrategy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The text of a PDF's first page, as iText extracts it, and where each piece of it is drawn. */
public final class PageText {

    private PageText() {
    }

    /** A piece of text and the rectangle its glyphs occupy on the page. */
    public record Placed(String text, Rectangle box) {
    }

    public static String of(byte[] pdf) {
        try (PdfDocument document = open(pdf)) {
            return PdfTextExtractor.getTextFromPage(document.getPage(1), new LocationTextExtractionStrategy());
        }
    }

    public static List<Placed> placed(byte[] pdf) {
        List<Placed> pieces = new ArrayList<>();
        try (PdfDocument document = open(pdf)) {
            new PdfCanvasProcessor(new IEventListener() {
                @Override
                public void eventOccurred(IEventData data, EventType type) {
                    TextRenderInfo info = (TextRenderInfo) data;
                    if (!info.getText().isBlank()) {
                        pieces.add(new Placed(info.getText(), box(info.getAscentLine(), info.getDescentLine())));
                    }
                }

                @Override
                public Set<EventType> getSupportedEvents() {
                    return Set.of(EventType.RENDER_TEXT);
                }
            }).processPageContent(document.getPage(1));
        }
        return pieces;
    }

    private static Rectangle box(LineSegment ascent, LineSegment descent) {
        List<Vector> corners = List.of(ascent.getStartPoint(), ascent.getEndPoint(),
                descent.getStartPoint(), descent.getEndPoint());
        float left = Float.MAX_VALUE;
        float bottom = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        float top = -Float.MAX_VALUE;
        for (Vector corner : corners) {
            left = Math.min(left, corner.get(Vector.I1));
            right = Math.max(right, corner.get(Vector.I1));
            bottom = Math.min(bottom, corner.get(Vector.I2));
            top = Math.max(top, corner.get(Vector.I2));
        }
        return new Rectangle(left, bottom, right - left, top - bottom);
    }

    private static PdfDocument open(byte[] pdf) {
        try {
            return new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
