/** What happens once when the service starts: schema migration, the first administrator, the demo edition. */
package org.iin.csec.course.infrastructure.startup;
