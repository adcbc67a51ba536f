package org.iin.csec.moodle;

import java.util.Objects;

/** A group to create in a course (core_group_create_groups); names are unique within a course. */
public record NewGroup(long courseId, String name, String description, String idNumber) {

    public NewGroup {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A group needs a name");
        }
        description = Objects.requireNonNullElse(description, "");
    }
}
