/** The certificate's model and its rules: certificates, signatory registrations, signing batches, audit, outbox. */
package org.iin.csec.certificate.domain;
