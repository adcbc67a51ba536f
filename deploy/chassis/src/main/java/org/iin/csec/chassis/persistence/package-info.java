/** Database plumbing both services share: data source settings, reconnects, which failures are the database's. */
package org.iin.csec.chassis.persistence;
