/** Work for other systems (Moodle, certificate-service), written in the same transaction as its cause and sent later. */
package org.iin.csec.course.domain.outbox;
