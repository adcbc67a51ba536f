/** Certificates: what each one prints, its number and verification code, its two signatures, delivery and revocation. */
package org.iin.csec.certificate.domain.certificate;
