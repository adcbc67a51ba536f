/** certificate-service: co-signed certificate PDFs, the signature workflow and public verification. */
package org.iin.csec.certificate;
