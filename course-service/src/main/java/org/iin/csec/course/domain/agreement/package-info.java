/** A state's agreement for an edition: its quota of seats, face-to-face plan, coordinator and signatory. */
package org.iin.csec.course.domain.agreement;
