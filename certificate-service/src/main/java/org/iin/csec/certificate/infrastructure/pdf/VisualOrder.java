package org.iin.csec.certificate.infrastructure.pdf;

import java.text.Bidi;

/**
 * Puts right-to-left runs (Hebrew, Arabic) in the order their glyphs must be drawn, left to right, since iText
 * without its paid typography add-on draws text in the order it is stored. Hebrew then reads correctly; Arabic
 * reads in the right order but with unjoined letter forms. Digits and Latin text inside keep their direction.
 * A paragraph that wraps is reordered as a whole, so a right-to-left text long enough to wrap keeps its lines in
 * the wrong order: acceptable for names and titles, which fit on one line.
 */
final class VisualOrder {

    private VisualOrder() {
    }

    /** The text with its right-to-left runs reversed and their brackets mirrored; other text is returned as is. */
    static String of(String text) {
        char[] chars = text.toCharArray();
        if (!Bidi.requiresBidi(chars, 0, chars.length)) {
            return text;
        }
        Bidi bidi = new Bidi(text, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        int runs = bidi.getRunCount();
        byte[] levels = new byte[runs];
        String[] pieces = new String[runs];
        for (int run = 0; run < runs; run++) {
            String piece = text.substring(bidi.getRunStart(run), bidi.getRunLimit(run));
            levels[run] = (byte) bidi.getRunLevel(run);
            pieces[run] = levels[run] % 2 == 1 ? reversedAndMirrored(piece) : piece;
        }
        Bidi.reorderVisually(levels, 0, pieces, 0, runs);
        return String.join("", pieces);
    }

    private static String reversedAndMirrored(String run) {
        StringBuilder out = new StringBuilder(run.length());
        run.codePoints().map(VisualOrder::mirror).forEach(out::appendCodePoint);
        return out.reverse().toString();
    }

    private static int mirror(int codePoint) {
        return switch (codePoint) {
            case '(' -> ')';
            case ')' -> '(';
            case '[' -> ']';
            case ']' -> '[';
            case '{' -> '}';
            case '}' -> '{';
            case '<' -> '>';
            case '>' -> '<';
            case '«' -> '»';
            case '»' -> '«';
            default -> codePoint;
        };
    }
}
