package org.iin.csec.moodle;

import java.util.List;
import java.util.OptionalLong;

/**
 * A learner's course completion (core_completion_get_course_completion_status). Moodle gives no course-level
 * completion time, only each criterion's.
 *
 * @param aggregation 1 all criteria required, 2 any
 */
public record CourseCompletion(boolean completed, int aggregation, List<CompletionCriterion> criteria) {

    public CourseCompletion {
        criteria = List.copyOf(criteria);
    }

    /** True when the learner met at least one criterion. */
    public boolean anyCriterionComplete() {
        return criteria.stream().anyMatch(CompletionCriterion::complete);
    }

    /** The latest criterion completion time, the best available stand-in for when the course was completed. */
    public OptionalLong latestCriterionTime() {
        return criteria.stream().filter(CompletionCriterion::complete).mapToLong(CompletionCriterion::timeCompleted)
                .filter(t -> t > 0).max();
    }
}
