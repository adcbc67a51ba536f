/** The append-only record of every change, in each service's own database: who did what, when, before and after. */
package org.iin.csec.chassis.audit;
