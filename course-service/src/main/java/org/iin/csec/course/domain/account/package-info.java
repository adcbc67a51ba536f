/** People who log in, their roles, the state a state-bound role is bound to, and password hashing. */
package org.iin.csec.course.domain.account;
