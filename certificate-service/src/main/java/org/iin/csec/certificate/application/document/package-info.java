/** What a certificate says, as the application hands it to be printed, and the renderer it needs (a port). */
package org.iin.csec.certificate.application.document;
