/** The outbox engine: work written with its cause, leased by one instance at a time, sent with back-off, recorded. */
package org.iin.csec.chassis.outbox;
