/** The words both services' models share: member states, roles, and the ways a request is refused. */
package org.iin.csec.chassis.domain;
