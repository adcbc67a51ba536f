package org.iin.csec.certificate.application;

import org.iin.csec.certificate.application.document.CertificateContent;
import org.iin.csec.chassis.domain.FieldProblem;
import org.iin.csec.chassis.domain.StateCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What course-service sends when a participant becomes eligible for a certificate (the hand-off contract,
 * {@code POST /api/v1/issuance}): everything the certificate prints, frozen at that moment.
 */
public record IssuanceRequest(Long participantId, Edition edition, Holder holder, State state,
                              Signatory iinSignatory, Signatory stateSignatory) {

    /** The languages course-service may ask for: the OAS's official languages. */
    public static final Set<String> LANGUAGES = Set.of("es", "en", "pt", "fr");
    private static final Pattern EDITION_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,19}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_PART_OF_NAME = 99;
    private static final int MAX_EMAIL = 254;

    public record Edition(String code, String title, String language, Integer courseHours,
                          LocalDate onlineStageStart, LocalDate onlineStageEnd,
                          LocalDate faceToFaceStart, LocalDate faceToFaceEnd) {
    }

    public record Holder(String firstName, String lastName, String email) {
    }

    public record State(String code, String name) {
    }

    public record Signatory(String name, String title, String institution) {
    }

    /** Every rule the request breaks, so course-service's operators can fix them all at once. */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (participantId == null || participantId <= 0) {
            problems.add(new FieldProblem("participantId", "A positive participant id is required."));
        }
        if (edition == null) {
            problems.add(new FieldProblem("edition", "The edition is required."));
        } else {
            if (edition.code() == null || !EDITION_CODE.matcher(edition.code()).matches()) {
                problems.add(new FieldProblem("edition.code",
                        "An edition code of up to 20 letters, digits, '.', '-' or '_' is required."));
            }
            text(problems, "edition.title", edition.title(), CertificateContent.MAX_TITLE_LENGTH);
            if (edition.language() == null || !LANGUAGES.contains(language())) {
                problems.add(new FieldProblem("edition.language", "The language is one of " + LANGUAGES + "."));
            }
            if (edition.courseHours() == null || edition.courseHours() <= 0 || edition.courseHours() > 10_000) {
                problems.add(new FieldProblem("edition.courseHours", "The course hours are a positive number."));
            }
            range(problems, "edition.onlineStage", edition.onlineStageStart(), edition.onlineStageEnd(), true);
            range(problems, "edition.faceToFace", edition.faceToFaceStart(), edition.faceToFaceEnd(), false);
        }
        if (holder == null) {
            problems.add(new FieldProblem("holder", "The holder is required."));
        } else {
            text(problems, "holder.firstName", holder.firstName(), MAX_PART_OF_NAME);
            text(problems, "holder.lastName", holder.lastName(), MAX_PART_OF_NAME);
            if (holder.email() == null || holder.email().length() > MAX_EMAIL
                    || !EMAIL.matcher(holder.email().trim()).matches()) {
                problems.add(new FieldProblem("holder.email", "A valid e-mail address is required."));
            }
        }
        if (state == null) {
            problems.add(new FieldProblem("state", "The state is required."));
        } else {
            if (!StateCode.isValid(state.code())) {
                problems.add(new FieldProblem("state.code", "An ISO 3166-1 alpha-2 state code is required."));
            }
            text(problems, "state.name", state.name(), CertificateContent.MAX_NAME_LENGTH);
        }
        signatory(problems, "iinSignatory", iinSignatory);
        signatory(problems, "stateSignatory", stateSignatory);
        return problems;
    }

    /** The edition's language as an ISO 639-1 code in lower case. */
    String language() {
        return edition.language().trim().toLowerCase(Locale.ROOT);
    }

    /** The face-to-face module's dates; one given alone is a one-day module, none means no dates are printed. */
    LocalDate faceToFaceStart() {
        return edition.faceToFaceStart() != null ? edition.faceToFaceStart() : edition.faceToFaceEnd();
    }

    LocalDate faceToFaceEnd() {
        return edition.faceToFaceEnd() != null ? edition.faceToFaceEnd() : edition.faceToFaceStart();
    }

    private static void signatory(List<FieldProblem> problems, String field, Signatory signatory) {
        if (signatory == null) {
            problems.add(new FieldProblem(field, "The signatory is required."));
            return;
        }
        text(problems, field + ".name", signatory.name(), CertificateContent.MAX_NAME_LENGTH);
        text(problems, field + ".title", signatory.title(), CertificateContent.MAX_NAME_LENGTH);
        text(problems, field + ".institution", signatory.institution(), CertificateContent.MAX_NAME_LENGTH);
    }

    private static void text(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "This text is required."));
        } else if (value.trim().length() > max) {
            problems.add(new FieldProblem(field, "This text is longer than " + max + " characters."));
        }
    }

    private static void range(List<FieldProblem> problems, String field, LocalDate start, LocalDate end,
                              boolean required) {
        if (start == null || end == null) {
            if (required) {
                problems.add(new FieldProblem(field, "Both the start and the end date are required."));
            }
            return;
        }
        if (end.isBefore(start)) {
            problems.add(new FieldProblem(field, "The end date is before the start date."));
        }
    }
}
