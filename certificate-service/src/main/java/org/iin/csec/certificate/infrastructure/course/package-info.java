/** course-service over HTTP: who a caller is (GET /api/v1/me) and that a participant is certified. */
package org.iin.csec.certificate.infrastructure.course;
