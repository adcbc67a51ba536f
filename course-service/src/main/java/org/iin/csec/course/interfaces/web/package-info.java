/** The pages for coordinators, course leaders and signatories: static files (src/main/webapp) over the API, and the headers that keep them safe. */
package org.iin.csec.course.interfaces.web;
