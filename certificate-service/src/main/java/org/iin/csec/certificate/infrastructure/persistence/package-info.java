/** JPA repositories behind the domain's interfaces; the schema itself is Flyway's (db/migration/certificate). */
package org.iin.csec.certificate.infrastructure.persistence;
