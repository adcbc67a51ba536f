/** The JSON API under /api/v1 (DESIGN §7): thin resources that translate HTTP to use cases and back. */
package org.iin.csec.course.interfaces.rest;
