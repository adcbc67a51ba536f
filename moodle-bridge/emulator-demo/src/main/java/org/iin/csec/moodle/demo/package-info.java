/** The demo's emulated Moodle as a web application: the demo course ready, a learner's course completed on request. */
package org.iin.csec.moodle.demo;
