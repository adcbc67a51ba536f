package org.iin.csec.certificate.domain.certificate;

/**
 * The two parties who co-sign every certificate; each has its own signature field in the PDF, so that either may
 * sign first and each signature stays valid after the other is added.
 */
public enum SignerRole {
    /** The IIN course leader, for the Inter-American Children's Institute. */
    IIN("iin"),
    /** The participating member state's signatory. */
    STATE("state");

    private final String fieldName;

    SignerRole(String fieldName) {
        this.fieldName = fieldName;
    }

    /** The party who co-signs with this one. */
    public SignerRole other() {
        return this == IIN ? STATE : IIN;
    }

    /** The name of this party's signature field in a rendered certificate. */
    public String fieldName() {
        return fieldName;
    }
}
