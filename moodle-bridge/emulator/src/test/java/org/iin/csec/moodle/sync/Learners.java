package org.iin.csec.moodle.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Test learners. */
final class Learners {

    /** The 35 member states of the OAS, whose children's institute runs the course. */
    static final List<String> STATES = List.of("AG", "AR", "BS", "BB", "BZ", "BO", "BR", "CA", "CL", "CO", "CR", "CU",
            "DM", "DO", "EC", "SV", "US", "GD", "GT", "GY", "HT", "HN", "JM", "MX", "NI", "PA", "PY", "PE", "KN", "LC",
            "VC", "SR", "TT", "UY", "VE");

    private Learners() {
    }

    static LearnerEnrolment learner(String participantId, String first, String last, String state, long courseId) {
        String email = (Usernames.fold(first) + "." + Usernames.fold(last) + "." + Usernames.fold(participantId))
                .toLowerCase(Locale.ROOT) + "@example.org";
        return new LearnerEnrolment(participantId, first, last, email, state, courseId, state, 0, 0);
    }

    /** {@code perState} learners in each of the first {@code states} states. */
    static List<LearnerEnrolment> cohort(int states, int perState, long courseId) {
        List<LearnerEnrolment> list = new ArrayList<>();
        int n = 0;
        for (String state : STATES.subList(0, states)) {
            for (int i = 0; i < perState; i++) {
                n++;
                list.add(learner("CSEC-P-" + n, "María José", "González Núñez " + n, state, courseId));
            }
        }
        return list;
    }
}
