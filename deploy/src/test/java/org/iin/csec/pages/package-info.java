/** Browser tests of the pages: the whole product as deploy/run-demo.sh runs it, driven in headless Chromium. */
package org.iin.csec.pages;
