/** MicroProfile Health checks: is the service ready to take requests. */
package org.iin.csec.course.infrastructure.health;
