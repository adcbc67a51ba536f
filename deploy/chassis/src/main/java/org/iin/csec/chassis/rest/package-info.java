/** Errors as both services' APIs answer them: application/problem+json (RFC 9457), with a stable code. */
package org.iin.csec.chassis.rest;
