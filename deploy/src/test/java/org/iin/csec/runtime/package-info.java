/** The product as deploy/'s scripts start it, as a process of the tests: production's start script and its restarts. */
package org.iin.csec.runtime;
