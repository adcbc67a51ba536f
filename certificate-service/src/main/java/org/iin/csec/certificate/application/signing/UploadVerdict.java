package org.iin.csec.certificate.application.signing;

import java.util.Objects;

/**
 * Whether a PDF signed elsewhere is accepted as the signatory's signature of the prepared certificate, and if not,
 * why, in words the signatory can act on.
 */
public record UploadVerdict(Outcome outcome, String message) {

    public UploadVerdict {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }

    /** What the check found; everything but {@link #ACCEPTED} is a refusal. */
    public enum Outcome {
        /** One new, intact signature by the registered certificate in the expected field, and nothing else. */
        ACCEPTED,
        /** The upload is not a readable PDF. */
        NOT_A_PDF,
        /** The upload does not begin with the prepared file byte for byte: it was re-saved, edited or replaced. */
        ORIGINAL_CHANGED,
        /** No signature was added. */
        NO_NEW_SIGNATURE,
        /** A signature was added, but not in the signatory's field. */
        WRONG_FIELD,
        /** The new signature is damaged, or does not cover the whole file as it was signed. */
        SIGNATURE_INVALID,
        /** Something was added to the file after the new signature. */
        CHANGED_AFTER_SIGNING,
        /** The signature was made with another certificate than the one registered for the signatory. */
        WRONG_SIGNER,
        /** Besides the signature, the update changed the document: content, fields, pages, or a second signature. */
        UNEXPECTED_CHANGES
    }
}
