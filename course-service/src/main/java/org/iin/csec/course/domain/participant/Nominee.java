package org.iin.csec.course.domain.participant;

import org.iin.csec.chassis.domain.FieldProblem;
import org.iin.csec.chassis.domain.InvalidInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A person a state proposes, as the coordinator typed it (one at a time or as a CSV row). The same rules
 * check both ways in, so a CSV row and a form report the same problems in the same words.
 */
public record Nominee(String firstName, String lastName, String email, String identityDocument, String position,
                      String institution, Integer rank) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern DOCUMENT = Pattern.compile("[\\p{L}\\p{N} ./-]*");

    /** Every rule this nominee breaks, in field order; empty when it is fine. */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        text(problems, "firstName", "First name", firstName, true, 100);
        text(problems, "lastName", "Last name", lastName, true, 100);
        if (text(problems, "email", "E-mail", email, true, 254) && !EMAIL.matcher(email.trim()).matches()) {
            problems.add(new FieldProblem("email", "E-mail is not a valid address."));
        }
        if (text(problems, "identityDocument", "Identity document", identityDocument, false, 40)
                && !DOCUMENT.matcher(identityDocument).matches()) {
            problems.add(new FieldProblem("identityDocument",
                    "Identity document may hold letters, digits, spaces, '.', '/' and '-'."));
        }
        text(problems, "position", "Position", position, false, 200);
        text(problems, "institution", "Institution", institution, false, 200);
        if (rank != null && !Participant.isValidRank(rank)) {
            problems.add(new FieldProblem("rank", Participant.RANK_RANGE));
        }
        return problems;
    }

    /** Throws {@link InvalidInput} listing every problem, if there is any. */
    public Nominee requireValid() {
        List<FieldProblem> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return this;
    }

    /** E-mails are compared without regard to case or surrounding spaces. */
    public String normalisedEmail() {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** Identity documents are compared without case, spaces, dots or dashes ("12.345.678" = "12345678"). */
    public String normalisedIdentityDocument() {
        return normaliseDocument(identityDocument);
    }

    static String normaliseDocument(String document) {
        if (document == null) {
            return null;
        }
        String compact = document.replaceAll("[\\s.\\-/]", "").toUpperCase(Locale.ROOT);
        return compact.isEmpty() ? null : compact;
    }

    /** Checks presence and length; true when there is a value left to check further. */
    private static boolean text(List<FieldProblem> problems, String field, String label, String value,
                                boolean required, int max) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, label + " is required."));
            }
            return false;
        }
        if (value.length() > max) {
            problems.add(new FieldProblem(field, label + " is at most " + max + " characters."));
            return false;
        }
        return true;
    }
}
