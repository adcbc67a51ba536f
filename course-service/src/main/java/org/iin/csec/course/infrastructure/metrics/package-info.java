/** MicroProfile Metrics the operators watch: what waits to be sent (Moodle, certificates, e-mail) and what failed. */
package org.iin.csec.course.infrastructure.metrics;
