package org.iin.csec.course.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import org.iin.csec.chassis.domain.Role;
import org.iin.csec.course.domain.account.Account;
import org.iin.csec.course.domain.account.AccountRepository;
import org.iin.csec.course.domain.outbox.Outbox;
import org.iin.csec.course.domain.outbox.OutboxItem;

import java.text.MessageFormat;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * E-mail to the people who need to act: a state's coordinators when their participants complete the online
 * stage, the course leaders when a state closes its face-to-face stage. Each message is written in the
 * recipient's language and queued in the outbox with the change that causes it, so it is sent even if
 * the mail server is down at that moment.
 */
@ApplicationScoped
public class Notifications {

    @Inject
    AccountRepository accounts;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public void onlineStageCompleted(String editionCode, String state, List<String> names) {
        for (Account coordinator : accounts.reachable(Role.STATE_COORDINATOR, state)) {
            queue(coordinator, editionCode, "online-completed", names.size(), editionCode, state, String.join("\n", names));
        }
    }

    public void faceToFaceClosed(String editionCode, String state, String closedBy) {
        for (Account leader : accounts.reachable(Role.COURSE_LEADER, null)) {
            queue(leader, editionCode, "face-to-face-closed", state, editionCode, closedBy);
        }
    }

    private void queue(Account to, String editionCode, String key, Object... arguments) {
        ResourceBundle texts = ResourceBundle.getBundle("org.iin.csec.course.application.notifications",
                Locale.forLanguageTag(to.language()));
        Locale locale = Locale.forLanguageTag(to.language());
        String message = Json.createObjectBuilder()
                .add("to", to.email())
                .add("subject", new MessageFormat(texts.getString(key + ".subject"), locale).format(arguments))
                .add("text", new MessageFormat(texts.getString(key + ".text"), locale).format(arguments))
                .build().toString();
        outbox.add(OutboxItem.mail(editionCode, message, clock.instant()));
    }
}
