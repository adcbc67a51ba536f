/** PAdES signing of certificate PDFs on the server, signature verification, and checks of PDFs signed elsewhere. */
package org.iin.csec.certificate.signing;
