/** The course's own model: editions, agreements, participants, accounts and the audit log, with their rules. */
package org.iin.csec.course.domain;
