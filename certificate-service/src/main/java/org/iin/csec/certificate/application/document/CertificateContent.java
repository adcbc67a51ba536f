package org.iin.csec.certificate.application.document;

import org.iin.csec.certificate.domain.certificate.VerificationCode;

import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything a certificate prints, in the edition's language. The limits on text length are what the layout is
 * proven to fit on one page (longer text shrinks and wraps up to them); callers should reject longer input.
 *
 * @param holderName        the participant's full name
 * @param editionCode       e.g. {@code 2027-1}
 * @param editionTitle      the course title as printed
 * @param courseHours       total hours of both stages
 * @param onlineStage       dates of the online stage (Moodle)
 * @param faceToFaceStage   dates of the state's face-to-face module; null when the state did not report them (the
 *                          certificate then names the stage and the state without dates)
 * @param state             the participant's member state
 * @param iinSignatory      the IIN course leader, who signs field {@link SignerRole#IIN}
 * @param stateSignatory    the state's signatory, who signs field {@link SignerRole#STATE}
 * @param certificateNumber e.g. {@code 2027-1/AR/0007}
 * @param verificationCode  the code printed and linked from the QR code
 * @param verificationUrl   the public verification page for this certificate (the QR code's target)
 * @param issueDate         the date the certificate is issued
 * @param language          the edition's language; a {@code messages_xx.properties} translation must exist
 */
public record CertificateContent(
        String holderName,
        String editionCode,
        String editionTitle,
        int courseHours,
        DateRange onlineStage,
        DateRange faceToFaceStage,
        State state,
        Signatory iinSignatory,
        Signatory stateSignatory,
        String certificateNumber,
        VerificationCode verificationCode,
        URI verificationUrl,
        LocalDate issueDate,
        Locale language) {

    /** Longest person or institution name accepted. */
    public static final int MAX_NAME_LENGTH = 200;
    /** Longest edition title accepted. */
    public static final int MAX_TITLE_LENGTH = 300;
    /** Longest code, number or URL accepted. */
    public static final int MAX_CODE_LENGTH = 200;

    public CertificateContent {
        requireText(holderName, "holderName", MAX_NAME_LENGTH);
        requireText(editionCode, "editionCode", MAX_CODE_LENGTH);
        requireText(editionTitle, "editionTitle", MAX_TITLE_LENGTH);
        if (courseHours <= 0) {
            throw new IllegalArgumentException("courseHours must be positive");
        }
        Objects.requireNonNull(onlineStage, "onlineStage");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(iinSignatory, "iinSignatory");
        Objects.requireNonNull(stateSignatory, "stateSignatory");
        requireText(certificateNumber, "certificateNumber", MAX_CODE_LENGTH);
        Objects.requireNonNull(verificationCode, "verificationCode");
        Objects.requireNonNull(verificationUrl, "verificationUrl");
        if (!verificationUrl.isAbsolute() || verificationUrl.toString().length() > MAX_CODE_LENGTH) {
            throw new IllegalArgumentException("verificationUrl must be an absolute URL of at most "
                    + MAX_CODE_LENGTH + " characters");
        }
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(language, "language");
    }

    /** An inclusive span of days. */
    public record DateRange(LocalDate start, LocalDate end) {
        public DateRange {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (end.isBefore(start)) {
                throw new IllegalArgumentException(
                        "A date range cannot end (" + end + ") before it starts (" + start + ")");
            }
        }
    }

    /**
     * A member state.
     *
     * @param code ISO 3166-1 alpha-2, upper case
     * @param name its name as printed, in the edition's language
     */
    public record State(String code, String name) {
        private static final Pattern ALPHA_2 = Pattern.compile("[A-Z]{2}");

        public State {
            if (code == null || !ALPHA_2.matcher(code).matches()) {
                throw new IllegalArgumentException("State code must be ISO 3166-1 alpha-2 in upper case: " + code);
            }
            requireText(name, "state name", MAX_NAME_LENGTH);
        }
    }

    /** A person who signs certificates, as printed under their signature field. */
    public record Signatory(String name, String title, String institution) {
        public Signatory {
            requireText(name, "signatory name", MAX_NAME_LENGTH);
            requireText(title, "signatory title", MAX_NAME_LENGTH);
            requireText(institution, "signatory institution", MAX_NAME_LENGTH);
        }
    }

    private static void requireText(String value, String name, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(name + " is longer than " + maxLength + " characters");
        }
    }
}
