package org.iin.csec.certificate.domain.certificate;

/**
 * Certificate numbers: the edition, the state and a sequence per edition and state, e.g. {@code 2027-1/AR/0007},
 * so a state can see at a glance how many certificates it co-signed and none is skipped or used twice.
 */
public final class CertificateNumber {

    private CertificateNumber() {
    }

    public static String format(String editionCode, String stateCode, int sequence) {
        if (sequence <= 0) {
            throw new IllegalArgumentException("Certificate sequences start at 1");
        }
        return String.format("%s/%s/%04d", editionCode, stateCode, sequence);
    }

    /** The key of the sequence an edition and state draw their numbers from. */
    public static String sequenceKey(String editionCode, String stateCode) {
        return editionCode + "/" + stateCode;
    }
}
