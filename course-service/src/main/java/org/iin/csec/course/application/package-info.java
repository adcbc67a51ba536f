/** Use cases: each method is one transaction, checks who may do it, applies the domain's rules and audits the change. */
package org.iin.csec.course.application;
