/** Who is calling: people by HTTP Basic checked against course-service's accounts, course-service by its token. */
package org.iin.csec.certificate.infrastructure.security;
