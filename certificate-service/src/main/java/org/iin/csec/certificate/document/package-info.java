/** Certificate PDFs: what a certificate says, its A4 landscape layout with two empty signature fields, its code. */
package org.iin.csec.certificate.document;
