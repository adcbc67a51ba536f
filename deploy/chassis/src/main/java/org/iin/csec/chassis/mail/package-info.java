/** E-mail over SMTP, as both services send it: the server from configuration, and which failures a retry may fix. */
package org.iin.csec.chassis.mail;
