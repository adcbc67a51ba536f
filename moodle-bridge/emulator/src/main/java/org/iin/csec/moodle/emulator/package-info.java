/**
 * An in-memory Moodle 4.5 that answers the REST web-service functions the bridge uses, exactly as the captures in
 * {@code shared/moodle-contract} show, with fault modes and call counters for tests and the demo's emulated Moodle
 * (moodle-emulator-demo). Never in a production artifact.
 */
package org.iin.csec.moodle.emulator;
