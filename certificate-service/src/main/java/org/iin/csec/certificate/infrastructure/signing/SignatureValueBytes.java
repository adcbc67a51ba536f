package org.iin.csec.certificate.infrastructure.signing;

import java.util.Arrays;

/**
 * Checks the one part of a signed PDF that no signature covers: the bytes of the signature value itself, between
 * the two signed byte ranges. A signature container is shorter than the space reserved for it, and the rest is
 * zeros; a parser reads the container and ignores what follows, so without this check a changed byte there, or a
 * hex digit written in the other case, would go unnoticed. The container itself is then checked by
 * {@link SignatureContainerCheck}.
 */
final class SignatureValueBytes {

    private static final int MAX_DEPTH = 64;

    private SignatureValueBytes() {
    }

    /**
     * True if the gap of the byte range holds exactly {@code <hex>} in one letter case, and the decoded bytes are
     * one well-formed signature container followed only by zero bytes.
     */
    static boolean untouched(byte[] pdf, long[] byteRange) {
        if (byteRange.length != 4) {
            return false;
        }
        long start = byteRange[1];
        long end = byteRange[2];
        if (start < 0 || end > pdf.length || end - start < 4 || (end - start) % 2 != 0) {
            return false;
        }
        if (pdf[(int) start] != '<' || pdf[(int) end - 1] != '>') {
            return false;
        }
        byte[] value = new byte[(int) (end - start - 2) / 2];
        boolean lowerCase = false;
        boolean upperCase = false;
        for (int i = 0; i < value.length; i++) {
            int at = (int) start + 1 + 2 * i;
            int high = hexDigit(pdf[at]);
            int low = hexDigit(pdf[at + 1]);
            if (high < 0 || low < 0) {
                return false;
            }
            lowerCase |= isLowerCaseLetter(pdf[at]) || isLowerCaseLetter(pdf[at + 1]);
            upperCase |= isUpperCaseLetter(pdf[at]) || isUpperCaseLetter(pdf[at + 1]);
            value[i] = (byte) (high << 4 | low);
        }
        if (lowerCase && upperCase) {
            return false;
        }
        int containerEnd = elementEnd(value, 0, 0);
        if (containerEnd < 0) {
            return false;
        }
        for (int i = containerEnd; i < value.length; i++) {
            if (value[i] != 0) {
                return false;
            }
        }
        return SignatureContainerCheck.wellFormed(Arrays.copyOf(value, containerEnd), signedBytes(pdf, byteRange));
    }

    /** The two byte ranges, one after the other: what the signature signs. */
    private static byte[] signedBytes(byte[] pdf, long[] byteRange) {
        int firstLength = (int) byteRange[1];
        int secondLength = (int) Math.min(byteRange[3], pdf.length - byteRange[2]);
        byte[] signed = Arrays.copyOf(pdf, firstLength + secondLength);
        System.arraycopy(pdf, (int) byteRange[2], signed, firstLength, secondLength);
        return signed;
    }

    /** Offset just after the ASN.1 element that starts at {@code at}, or -1 if it is malformed. */
    private static int elementEnd(byte[] bytes, int at, int depth) {
        if (depth > MAX_DEPTH || at + 2 > bytes.length) {
            return -1;
        }
        int tag = bytes[at] & 0xFF;
        int position = at + 1;
        if ((tag & 0x1F) == 0x1F) {
            while (position < bytes.length && (bytes[position] & 0x80) != 0) {
                position++;
            }
            position++;
        }
        if (position >= bytes.length) {
            return -1;
        }
        int lengthByte = bytes[position++] & 0xFF;
        if (lengthByte == 0x80) {
            if ((tag & 0x20) == 0) {
                return -1;
            }
            while (position + 2 <= bytes.length) {
                if (bytes[position] == 0 && bytes[position + 1] == 0) {
                    return position + 2;
                }
                position = elementEnd(bytes, position, depth + 1);
                if (position < 0) {
                    return -1;
                }
            }
            return -1;
        }
        long length = lengthByte;
        if (lengthByte > 0x80) {
            int count = lengthByte & 0x7F;
            if (count > 4 || position + count > bytes.length) {
                return -1;
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = length << 8 | (bytes[position++] & 0xFF);
            }
        }
        long end = position + length;
        return end <= bytes.length ? (int) end : -1;
    }

    private static int hexDigit(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    private static boolean isLowerCaseLetter(byte b) {
        return b >= 'a' && b <= 'f';
    }

    private static boolean isUpperCaseLetter(byte b) {
        return b >= 'A' && b <= 'F';
    }
}
