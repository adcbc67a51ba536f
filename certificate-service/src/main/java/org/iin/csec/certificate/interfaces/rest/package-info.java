/** The certificate JSON API under /api/v1 (DESIGN §7); errors as application/problem+json. */
package org.iin.csec.certificate.interfaces.rest;
