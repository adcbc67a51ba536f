/** What every request passes through in both services: its id, its log line and its latency metric. */
package org.iin.csec.chassis.web;
