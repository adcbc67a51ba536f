/** The certificate schema's data source, its migrations at start-up, and health checks. */
package org.iin.csec.certificate.infrastructure;
