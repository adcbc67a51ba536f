package org.iin.csec.certificate.application;

import org.iin.csec.certificate.application.signing.UploadVerdict;

/** A PDF signed elsewhere was not accepted; the verdict says why, in words the signatory can act on. */
public class UploadRefused extends RuntimeException {

    private final transient UploadVerdict verdict;

    public UploadRefused(UploadVerdict verdict) {
        super(verdict.message());
        this.verdict = verdict;
    }

    public UploadVerdict verdict() {
        return verdict;
    }
}
