package org.iin.csec.course.it;

import org.iin.csec.chassis.testing.SecretsInLogs;

import java.util.List;

/**
 * Reads everything a service wrote to its log during a test class and names every secret or identity document
 * that appears in it: passwords, the services' token, the database password, documents the tests nominated.
 */
final class LogsKeepSecrets {

    /** Identity documents the tests send, as typed and as stored. */
    static final List<String> DOCUMENTS = List.of("DOC-42", "DOC42", "1.234.567-8", "12345678");

    private LogsKeepSecrets() {
    }

    static void check(String logPrefix, List<String> secrets) {
        List<String> found = SecretsInLogs.find(SecretsInLogs.logs(logPrefix), secrets);
        if (!found.isEmpty()) {
            throw new AssertionError("Secrets or identity documents in the service's log: " + found);
        }
    }
}
