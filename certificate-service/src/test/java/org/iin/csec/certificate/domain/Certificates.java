package org.iin.csec.certificate.domain;

import org.iin.csec.certificate.domain.certificate.Certificate;
import org.iin.csec.certificate.domain.certificate.PrintedContent;
import org.iin.csec.certificate.domain.certificate.VerificationCode;

import java.time.Instant;
import java.time.LocalDate;

/** Certificates for domain tests, issued at a fixed instant. */
public final class Certificates {

    public static final Instant ISSUED_AT = Instant.parse("2027-06-20T12:00:00Z");

    private Certificates() {
    }

    public static Certificate issued() {
        return issued("2027-1/AR/0001", "7K3M-Q9TX-2FHD-8WNA");
    }

    public static Certificate issued(String number, String code) {
        return new Certificate("2027-1", 123, "AR", number, VerificationCode.parse(code), "ana@example.org", content(),
                "es", null, null,
                ISSUED_AT);
    }

    public static PrintedContent content() {
        return new PrintedContent("Ana", "García", "Explotación sexual comercial de niñas, niños y adolescentes", 120,
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 31), LocalDate.of(2027, 6, 14),
                LocalDate.of(2027, 6, 18), "Argentina",
                new PrintedContent.Signatory("Ana Lucía Gonçalves", "Coordinadora del curso", "IIN"),
                new PrintedContent.Signatory("Joaquín Ibáñez", "Director Nacional de Niñez", "SENAF"),
                "es", LocalDate.of(2027, 6, 20));
    }
}
