/** What both services run on, written once: errors, request log, database plumbing, outbox, audit, clock, mail. */
package org.iin.csec.chassis;
