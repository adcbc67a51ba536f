/** Editions of the course and their lifecycle from draft to closed. */
package org.iin.csec.course.domain.edition;
