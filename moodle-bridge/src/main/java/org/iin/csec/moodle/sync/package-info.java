/**
 * The sync engine: puts accepted participants into Moodle (account, enrolment, state group), withdraws them, and
 * reads their completion back. Pure logic over {@link org.iin.csec.moodle.MoodleClient}; course-service owns the
 * outbox, the schedule and the retries.
 */
package org.iin.csec.moodle.sync;
