/** Use cases: each public method is one transaction (or a few short ones), checks who may do it, applies the rules and audits. */
package org.iin.csec.certificate.application;
