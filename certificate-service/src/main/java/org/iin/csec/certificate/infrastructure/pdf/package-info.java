/** The certificate PDF with iText: A4 landscape layout, embedded fonts, QR code, two empty signature fields. */
package org.iin.csec.certificate.infrastructure.pdf;
