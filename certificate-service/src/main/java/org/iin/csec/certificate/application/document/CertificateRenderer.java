package org.iin.csec.certificate.application.document;

import java.util.Locale;

/** Prints a certificate: the one-page PDF with its two empty signature fields (iText does it, infrastructure.pdf). */
public interface CertificateRenderer {

    /** Whether certificates can be printed in this language (a translation of the certificate's words exists). */
    boolean supports(Locale language);

    byte[] render(CertificateContent content);
}
