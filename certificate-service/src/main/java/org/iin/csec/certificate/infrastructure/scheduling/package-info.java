/** Background work on a timer: sending the outbox. Safe with several instances (items are leased). */
package org.iin.csec.certificate.infrastructure.scheduling;
