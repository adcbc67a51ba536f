/** The append-only record of every change: who did what, when, and the state before and after. */
package org.iin.csec.certificate.domain.audit;
