package org.iin.csec.pages;

import org.iin.csec.runtime.ServicesProcess;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The product, started once for all page tests exactly as README's command starts it ({@code deploy/run-demo.sh},
 * with the build it already made): both services, the demo edition, the emulated Moodle, a fresh embedded
 * database under target/. Stopped, with every process it started, when the tests end.
 */
public final class RunningProduct implements BeforeAllCallback {

    public static final String PASSWORD = "demo-password-2027";

    private static ServicesProcess product;

    @Override
    public void beforeAll(ExtensionContext context) {
        product = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(ServicesProcess.class, k -> start(), ServicesProcess.class);
    }

    /** http://127.0.0.1:port, where /course and /certificates are served. */
    public static String baseUrl() {
        return product.baseUrl();
    }

    private static ServicesProcess start() {
        Path target = ServicesProcess.buildDirectory();
        Path data = target.resolve("pages-data");
        ServicesProcess.deleteTree(data);
        int port = ServicesProcess.freePort();
        ProcessBuilder builder = new ProcessBuilder("bash", "run-demo.sh").directory(target.getParent().toFile());
        builder.environment().put("SKIP_BUILD", "1");
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("CSEC_DATA_DIR", data.toString());
        return ServicesProcess.start(builder, port, target.resolve("pages-demo.log"), Duration.ofSeconds(180));
    }
}
