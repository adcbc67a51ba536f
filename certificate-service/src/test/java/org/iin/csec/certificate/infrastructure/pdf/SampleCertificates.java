package org.iin.csec.certificate.infrastructure.pdf;

import org.iin.csec.certificate.application.document.CertificateContent;
import org.iin.csec.certificate.domain.certificate.VerificationCode;

import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;

/** Certificate contents for tests and the benchmark: realistic, with accented names. */
public final class SampleCertificates {

    private SampleCertificates() {
    }

    /** A Spanish certificate for an Argentinian participant. */
    public static CertificateContent spanish() {
        return withHolder("María José Peña Araújo", Locale.forLanguageTag("es"));
    }

    /** The same certificate in English. */
    public static CertificateContent english() {
        return withHolder("María José Peña Araújo", Locale.ENGLISH);
    }

    /** A Spanish certificate for the given holder. */
    public static CertificateContent withHolder(String holderName) {
        return withHolder(holderName, Locale.forLanguageTag("es"));
    }

    public static CertificateContent withHolder(String holderName, Locale language) {
        VerificationCode code = VerificationCode.random();
        return new CertificateContent(
                holderName,
                "2027-1",
                "Explotación sexual comercial de niñas, niños y adolescentes",
                120,
                new CertificateContent.DateRange(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 4, 30)),
                new CertificateContent.DateRange(LocalDate.of(2027, 5, 10), LocalDate.of(2027, 5, 14)),
                new CertificateContent.State("AR", "Argentina"),
                new CertificateContent.Signatory("Ana Lucía Gonçalves", "Coordinadora del curso",
                        "Instituto Interamericano del Niño, la Niña y Adolescentes"),
                new CertificateContent.Signatory("Joaquín Ibáñez", "Director Nacional de Niñez",
                        "Secretaría Nacional de Niñez, Adolescencia y Familia"),
                "2027-1/AR/0007",
                code,
                URI.create("https://certificados.iin.oea.org/verify/" + code),
                LocalDate.of(2027, 6, 20),
                language);
    }
}
