/** Work for the outside world (e-mail to learners, notices to course-service), written with its cause, sent later. */
package org.iin.csec.certificate.domain.outbox;
