/** E-mail to learners over SMTP (Jakarta Mail), configured by csec.mail.*. */
package org.iin.csec.certificate.infrastructure.mail;
