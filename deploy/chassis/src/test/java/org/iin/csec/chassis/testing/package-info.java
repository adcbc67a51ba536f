/** Test helpers every module's tests share, published as the chassis's test-jar. */
package org.iin.csec.chassis.testing;
