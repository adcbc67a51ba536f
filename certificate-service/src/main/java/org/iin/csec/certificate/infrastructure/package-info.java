/** The certificate schema's data source, its migration at start-up, health checks, and the start-up sequence. */
package org.iin.csec.certificate.infrastructure;
