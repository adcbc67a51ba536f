package org.iin.csec.certificate.domain.certificate;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * The random code printed on a certificate and used in its public verification link. 80 random bits from
 * {@link SecureRandom}, written as 16 Crockford base32 symbols in four groups ({@code 7K3M-Q9TX-2FHD-8WNA}):
 * unguessable, short enough to type, and without the easily confused letters I, L, O and U.
 */
public final class VerificationCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int SYMBOLS = 16;
    private static final int RANDOM_BYTES = SYMBOLS * 5 / 8;
    private static final int GROUP = 4;
    /** Longest input worth looking at: the code with a separator after every symbol, plus some spaces. */
    private static final int MAX_INPUT_LENGTH = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String symbols;

    private VerificationCode(String symbols) {
        this.symbols = symbols;
    }

    /** A new code with 80 bits from a shared {@link SecureRandom}. Thread-safe. */
    public static VerificationCode random() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        StringBuilder out = new StringBuilder(SYMBOLS);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out.append(ALPHABET.charAt((buffer >>> bits) & 0x1F));
            }
        }
        return new VerificationCode(out.toString());
    }

    /**
     * Reads a code as a person may type it: case-insensitive, hyphens and spaces anywhere, and the Crockford
     * look-alikes O (read as 0) and I, L (read as 1).
     *
     * @throws IllegalArgumentException if the text is not exactly 16 valid symbols
     */
    public static VerificationCode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A verification code is required");
        }
        if (text.length() > MAX_INPUT_LENGTH) {
            throw new IllegalArgumentException(
                    "A verification code has " + SYMBOLS + " symbols; this text is too long");
        }
        StringBuilder out = new StringBuilder(SYMBOLS);
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ') {
                continue;
            }
            char symbol = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(symbol) < 0) {
                throw new IllegalArgumentException("'" + c + "' is not a verification code symbol");
            }
            out.append(symbol);
        }
        if (out.length() != SYMBOLS) {
            throw new IllegalArgumentException(
                    "A verification code has " + SYMBOLS + " symbols, not " + out.length());
        }
        return new VerificationCode(out.toString());
    }

    /** The canonical printed form, four groups of four symbols separated by hyphens. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(SYMBOLS + SYMBOLS / GROUP);
        for (int i = 0; i < SYMBOLS; i += GROUP) {
            if (i > 0) {
                out.append('-');
            }
            out.append(symbols, i, i + GROUP);
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerificationCode code && code.symbols.equals(symbols);
    }

    @Override
    public int hashCode() {
        return symbols.hashCode();
    }
}
