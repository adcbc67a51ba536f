package org.iin.csec.certificate.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Writes the system-properties file the "embedded" Payara Micro starts with (see arquillian.xml): a fresh H2 data
 * folder, the fake course-service and GreenMail of this run. Registered before ArquillianExtension, so the file
 * exists when the WAR is deployed; stops the fakes after Payara Micro stopped.
 */
public class ServiceConfiguration implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        TestEnvironment.start();
        Path data = Files.createTempDirectory(TestEnvironment.target(), "it-data-");
        Properties properties = TestEnvironment.serviceProperties();
        properties.setProperty("csec.data.dir", data.toString());
        TestEnvironment.write(TestEnvironment.target().resolve("it-embedded.properties"), properties);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestEnvironment.stop();
    }
}
