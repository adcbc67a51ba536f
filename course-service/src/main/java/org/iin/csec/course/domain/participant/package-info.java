/** Participants proposed by the states: nominations, seats, the waitlist and each person's progress. */
package org.iin.csec.course.domain.participant;
