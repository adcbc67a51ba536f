package org.iin.csec.certificate.application.outbox;

import org.iin.csec.certificate.application.LearnerMailer;
import org.iin.csec.certificate.domain.outbox.OutboxItem;
import org.iin.csec.certificate.domain.outbox.WorkKind;
import org.iin.csec.chassis.mail.MailNotSent;
import org.iin.csec.chassis.outbox.Outcome;
import org.iin.csec.chassis.testing.SavedWork;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateMailWorkTest {

    @Test
    void withoutAMailServerCertificatesWaitUnsentAndTheWarningIsLoggedOnce() {
        List<String> warnings = new ArrayList<>();
        Logger log = Logger.getLogger(CertificateMailWork.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        try {
            CertificateMailWork work = new CertificateMailWork();
            work.mailer = new Unconfigured();

            assertThat(work.ready()).isFalse();
            assertThat(work.ready()).isFalse();
            assertThat(warnings).hasSize(1).allSatisfy(w -> assertThat(w).contains("csec.mail.host"));
        } finally {
            log.removeHandler(handler);
        }
    }

    @Test
    void aRefusedAddressFailsForGoodAndAServerDownIsRetried() {
        CertificateMailWork work = new CertificateMailWork();
        work.records = new DeliveryRecords() {
            @Override
            public MailToSend mailFor(long certificateId) {
                return new MailToSend(new LearnerMailer.LearnerMail("x@example.org", "s", "b", "a.pdf", new byte[1]),
                        null);
            }
        };
        work.mailer = new Failing();
        OutboxItem refused = item(1L, 1);
        OutboxItem down = item(2L, 2);

        Map<Long, Outcome> outcomes = work.send(List.of(refused, down));

        assertThat(outcomes.get(1L).result()).isEqualTo(Outcome.Result.FAILED);
        assertThat(outcomes.get(2L).result()).isEqualTo(Outcome.Result.RETRY);
    }

    private static OutboxItem item(long id, long certificateId) {
        return SavedWork.withId(new OutboxItem(WorkKind.MAIL_CERTIFICATE, certificateId, Instant.now()), id);
    }

    private static final class Unconfigured implements LearnerMailer {
        @Override
        public boolean isConfigured() {
            return false;
        }

        @Override
        public void send(LearnerMail mail) {
            throw new AssertionError("nothing is sent without a mail server");
        }
    }

    /** Refuses the first message's address; is down for the others. */
    private static final class Failing implements LearnerMailer {
        private int sent;

        @Override
        public boolean isConfigured() {
            return true;
        }

        @Override
        public void send(LearnerMail mail) throws MailNotSent {
            throw new MailNotSent("refused or down", ++sent == 1, null);
        }
    }
}
