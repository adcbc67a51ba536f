package org.iin.csec.certificate.domain.certificate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The last certificate number used for one edition and state. Numbers are taken under a row lock on this record,
 * so two certificates issued at the same time never get the same number, and a rolled-back issuance gives its
 * number back.
 */
@Entity
@Table(name = "number_sequence")
public class NumberSequence {

    @Id
    @Column(name = "sequence_key", nullable = false, updatable = false)
    private String key;

    @Column(name = "last_value", nullable = false)
    private int lastValue;

    protected NumberSequence() {
    }

    public NumberSequence(String editionCode, String stateCode) {
        this.key = CertificateNumber.sequenceKey(editionCode, stateCode);
    }

    /** The next number of the sequence, 1 for the first certificate. */
    public int next() {
        return ++lastValue;
    }

    public String key() {
        return key;
    }

    public int lastValue() {
        return lastValue;
    }
}
