/** The certificate JSON API under /api/v1 (DESIGN §7). */
package org.iin.csec.certificate.interfaces.rest;
