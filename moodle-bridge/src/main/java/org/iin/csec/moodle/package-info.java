/**
 * Typed client of Moodle's REST web-service protocol on OkHttp: {@link org.iin.csec.moodle.MoodleClient}, its
 * records, its typed errors, and the connection check an administrator runs after configuring the bridge.
 */
package org.iin.csec.moodle;
