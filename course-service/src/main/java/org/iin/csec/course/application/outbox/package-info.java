/** Sends the outbox's work: claims due items, hands them to the handler of their kind, records each outcome. */
package org.iin.csec.course.application.outbox;
