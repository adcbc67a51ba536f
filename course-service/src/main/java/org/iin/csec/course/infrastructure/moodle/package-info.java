/** course-service's side of the Moodle sync: the connection and the outbox work for Moodle. */
package org.iin.csec.course.infrastructure.moodle;
