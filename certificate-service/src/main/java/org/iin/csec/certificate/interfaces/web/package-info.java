/** The public verification page: HTML for people (escaped, phone-sized, Spanish or English) and its short address. */
package org.iin.csec.certificate.interfaces.web;
