/**
 * The JSON API under /api/v1 (DESIGN §7): thin resources that translate HTTP to use cases and back. They keep no
 * state of a request's own, so each is one application-scoped instance rather than one built for every request.
 */
package org.iin.csec.course.interfaces.rest;
