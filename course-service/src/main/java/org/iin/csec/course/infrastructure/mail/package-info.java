/** Sending the outbox's e-mail over SMTP (Jakarta Mail), configured by CSEC_MAIL_*. */
package org.iin.csec.course.infrastructure.mail;
