/** course-service's side of certificate-service: handing eligible participants over, and hearing of certificates. */
package org.iin.csec.course.infrastructure.certificates;
