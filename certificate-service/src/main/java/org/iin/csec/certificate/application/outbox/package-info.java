/** Sending the outbox: leased claims, the work handlers (learner e-mail, course-service notice), retries with back-off. */
package org.iin.csec.certificate.application.outbox;
