/** Typed client of Moodle's Web Services REST protocol, used by course-service to sync participants. */
package org.iin.csec.moodle;
