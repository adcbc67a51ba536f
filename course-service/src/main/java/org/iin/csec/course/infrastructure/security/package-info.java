/** Who is calling: HTTP authentication against the accounts, and the signed-in account for each request. */
package org.iin.csec.course.infrastructure.security;
