package org.iin.csec.course.infrastructure.startup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iin.csec.chassis.domain.Role;
import org.iin.csec.chassis.domain.RuleViolation;
import org.iin.csec.course.application.AccountService;

import java.util.EnumSet;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The first administrator comes from configuration (CSEC_ADMIN_USERNAME and CSEC_ADMIN_PASSWORD), and only
 * while no administrator exists; after that, accounts are managed through the API.
 */
@ApplicationScoped
public class FirstAdministrator {

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());

    @Inject
    AccountService accounts;

    @Inject
    @ConfigProperty(name = "csec.admin.username", defaultValue = "admin")
    String username;

    @Inject
    @ConfigProperty(name = "csec.admin.password")
    Optional<String> password;

    void ensure() {
        if (accounts.anyAdministrator()) {
            return;
        }
        if (password.isEmpty()) {
            LOG.warning("No administrator exists and csec.admin.password (CSEC_ADMIN_PASSWORD) is not set: "
                    + "set it and restart to create the first administrator.");
            return;
        }
        try {
            accounts.register("system", new AccountService.NewAccount(username, "Administrator", null,
                    EnumSet.of(Role.ADMIN), null, password.get().toCharArray()));
            LOG.info("Created the first administrator '" + username + "'.");
        } catch (RuleViolation refused) {
            // The service still starts (its data is intact); the operator fixes the setting and restarts.
            LOG.severe("The first administrator was not created: " + refused.getMessage()
                    + " Change csec.admin.password (CSEC_ADMIN_PASSWORD) and restart.");
        } catch (RuntimeException raced) {
            // Instances starting together on a new database: another one created the administrator first
            // (the user name's unique key refused this one). Anything else is a real failure.
            if (!accounts.anyAdministrator()) {
                throw raced;
            }
            LOG.info("The first administrator was created by another instance.");
        }
    }
}
