/** MicroProfile Metrics the operators watch: certificates waiting for a signature, and what waits to be sent or failed. */
package org.iin.csec.certificate.infrastructure.metrics;
