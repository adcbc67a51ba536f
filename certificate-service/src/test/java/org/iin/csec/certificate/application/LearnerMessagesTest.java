package org.iin.csec.certificate.application;

import org.iin.csec.certificate.domain.Certificates;
import org.iin.csec.certificate.domain.certificate.Certificate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LearnerMessagesTest {

    @Test
    void theLearnersMailNamesTheCourseTheNumberAndWhereToVerifyWithThePdfAttached() {
        Certificate certificate = Certificates.issued();
        byte[] pdf = {1, 2, 3};

        LearnerMailer.LearnerMail mail = LearnerMessages.certificateMail(certificate,
                "https://cursos.iin.example/certificates/verify/7K3M-Q9TX-2FHD-8WNA", pdf);

        assertThat(mail.to()).isEqualTo("ana@example.org");
        assertThat(mail.subject()).isEqualTo("Su certificado del curso «Explotación sexual comercial de niñas, niños "
                + "y adolescentes» (edición 2027-1)");
        assertThat(mail.body()).contains("Estimada/o Ana García", "2027-1/AR/0001",
                "https://cursos.iin.example/certificates/verify/7K3M-Q9TX-2FHD-8WNA", "7K3M-Q9TX-2FHD-8WNA");
        assertThat(mail.attachmentName()).isEqualTo("certificate-2027-1-AR-0001.pdf");
        assertThat(mail.pdf()).isEqualTo(pdf);
    }
}
