/** Signing batches: one signatory signing every certificate awaiting them, in the background, with visible progress. */
package org.iin.csec.certificate.domain.batch;
