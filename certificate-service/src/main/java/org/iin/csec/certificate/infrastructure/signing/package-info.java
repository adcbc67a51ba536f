/** PAdES with iText and BouncyCastle: signing on the server, verifying both signatures, checking PDFs signed elsewhere. */
package org.iin.csec.certificate.infrastructure.signing;
