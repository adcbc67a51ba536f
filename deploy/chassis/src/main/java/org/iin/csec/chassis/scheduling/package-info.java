/** Time and background work: one clock for the service, and passes on a timer (the outbox, the service's own jobs). */
package org.iin.csec.chassis.scheduling;
