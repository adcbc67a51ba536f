/** JPA implementations of the domain's repositories, the data source and the schema migrations. */
package org.iin.csec.course.infrastructure.persistence;
