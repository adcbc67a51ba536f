package org.iin.csec.moodle;

import java.util.List;
import java.util.Optional;

/** A learner's grade items in a course, the course total last. */
public record UserGrades(long userId, long courseId, String fullName, String idNumber, List<GradeItem> items) {

    public UserGrades {
        items = List.copyOf(items);
    }

    public Optional<GradeItem> courseTotal() {
        return items.stream().filter(i -> i.type().equals("course")).findFirst();
    }
}
