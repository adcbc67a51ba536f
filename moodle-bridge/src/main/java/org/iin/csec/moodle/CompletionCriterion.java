package org.iin.csec.moodle;

/**
 * One criterion of a learner's course completion.
 *
 * @param type Moodle's criterion type: 1 self completion, 4 activity completion, ...
 * @param timeCompleted Unix seconds, 0 while incomplete
 * @param requirement what the learner must do, e.g. "Viewing the assignment"
 */
public record CompletionCriterion(int type, String title, boolean complete, long timeCompleted, String requirement) {
}
