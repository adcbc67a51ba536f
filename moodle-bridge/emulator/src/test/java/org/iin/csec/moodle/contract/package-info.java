/**
 * Contract tests: the emulator and the client against every exchange captured from a real Moodle 4.5.6 in
 * {@code shared/moodle-contract}.
 */
package org.iin.csec.moodle.contract;
