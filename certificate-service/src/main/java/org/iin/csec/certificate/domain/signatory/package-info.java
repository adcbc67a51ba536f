/** Signatories' registered signing certificates: the IIN's and each state's, against which every signature is checked. */
package org.iin.csec.certificate.domain.signatory;
