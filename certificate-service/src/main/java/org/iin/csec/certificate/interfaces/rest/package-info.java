/**
 * The certificate JSON API under /api/v1 (DESIGN §7); errors as application/problem+json. Resources keep no state
 * of a request's own, so each is one application-scoped instance rather than one built for every request.
 */
package org.iin.csec.certificate.interfaces.rest;
