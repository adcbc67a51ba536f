/** The course's background jobs (Moodle completion, ended sessions) and job leases (one instance at a time). */
package org.iin.csec.course.infrastructure.scheduling;
