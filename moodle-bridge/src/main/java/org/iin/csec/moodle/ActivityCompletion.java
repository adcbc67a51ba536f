package org.iin.csec.moodle;

/**
 * A learner's completion of one activity.
 *
 * @param modName the activity type, e.g. "page"; null in an override's answer, which does not say
 * @param state 0 incomplete, 1 complete, 2 complete with pass, 3 complete with fail
 * @param timeCompleted Unix seconds, 0 if never completed (a reset keeps the old time)
 * @param tracking 0 none, 1 manual, 2 automatic
 * @param overriddenBy the id of the user who overrode the state, 0 if nobody
 */
public record ActivityCompletion(long cmid, long userId, String modName, int state, long timeCompleted, int tracking,
        long overriddenBy) {

    public boolean isComplete() {
        return state == 1 || state == 2;
    }
}
