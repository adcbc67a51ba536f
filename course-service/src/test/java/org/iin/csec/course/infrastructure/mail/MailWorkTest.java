package org.iin.csec.course.infrastructure.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.iin.csec.chassis.mail.MailServer;
import org.iin.csec.chassis.outbox.Outcome;
import org.iin.csec.chassis.testing.SavedWork;
import org.iin.csec.course.domain.outbox.OutboxItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox's e-mail, sent to a real SMTP server running in this JVM on 127.0.0.1. */
class MailWorkTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private final Instant now = Instant.parse("2027-05-01T10:00:00Z");

    @Test
    void sendsTheQueuedMessageInUtf8() throws Exception {
        MailWork work = configured(SMTP.getSmtp().getPort());
        OutboxItem item = mail(1, "{\"to\":\"coordinacion.uy@example.org\",\"subject\":\"Edición 2027-1: 2 participantes completaron la etapa en línea\","
                + "\"text\":\"Lucía Núñez\\nJoaquín Ferreira\"}");

        Map<Long, Outcome> outcomes = work.send(List.of(item));

        assertThat(outcomes.get(1L).result()).isEqualTo(Outcome.Result.DONE);
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("coordinacion.uy@example.org");
        assertThat(received[0].getSubject()).isEqualTo("Edición 2027-1: 2 participantes completaron la etapa en línea");
        assertThat(GreenMailUtil.getBody(received[0])).isNotBlank();
        assertThat(received[0].getContent().toString()).contains("Lucía Núñez").contains("Joaquín Ferreira");
    }

    @Test
    void aMailServerThatIsDownMeansARetryNotALoss() throws Exception {
        MailWork work = configured(1); // nothing listens on port 1
        Map<Long, Outcome> outcomes = work.send(List.of(mail(2, "{\"to\":\"a@example.org\",\"subject\":\"s\",\"text\":\"t\"}")));

        assertThat(outcomes.get(2L).result()).isEqualTo(Outcome.Result.RETRY);
        assertThat(outcomes.get(2L).reason()).contains("mail server");
    }

    @Test
    void withoutAMailServerConfiguredMailWaits() {
        MailWork work = new MailWork();
        work.server = new MailServer(null, 0, null);

        Outcome outcome = work.send(List.of(mail(3, "{}"))).get(3L);

        assertThat(outcome.result()).isEqualTo(Outcome.Result.RETRY);
        assertThat(outcome.reason()).contains("CSEC_MAIL_HOST");
    }

    private static MailWork configured(int port) {
        MailWork work = new MailWork();
        work.server = new MailServer("127.0.0.1", port, "csec-course@example.org");
        return work;
    }

    private OutboxItem mail(long id, String message) {
        return SavedWork.withId(OutboxItem.mail("2027-1", message, now), id);
    }
}
