package org.iin.csec.moodle.sync;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Moodle usernames for new learners: {@code first.last.participantid}, accents removed, lower case, only the
 * characters Moodle allows without extended username characters ({@code a-z 0-9 - . _ @}). The participant id makes
 * them unique without asking Moodle, and deterministic, so a retried creation asks for the same username.
 */
final class Usernames {

    private static final int MAX = 100;

    private Usernames() {
    }

    static String forLearner(String firstName, String lastName, String participantId) {
        String id = fold(participantId);
        String name = fold(firstName) + "." + fold(lastName);
        if (name.equals(".")) {
            name = "learner";
        }
        int room = MAX - id.length() - 1;
        if (name.length() > room) {
            name = name.substring(0, Math.max(0, room));
        }
        return (name + "." + id).replaceAll("^[.-]+", "");
    }

    /** "Pérez Gómez" becomes "perez-gomez". */
    static String fold(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return plain.replaceAll("[^a-z0-9_@]+", "-").replaceAll("^-+|-+$", "");
    }
}
