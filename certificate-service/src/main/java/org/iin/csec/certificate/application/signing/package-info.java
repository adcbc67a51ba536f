/** What the application knows of PDF signatures: credentials, reports, verdicts, and the signer it needs (a port). */
package org.iin.csec.certificate.application.signing;
