package org.iin.csec.certificate.application.signing;

import java.util.Optional;

/** One signature field of a PDF: its name and, once signed, its signature. */
public record SignatureField(String name, Optional<FieldSignature> signature) {

    public boolean isSigned() {
        return signature.isPresent();
    }
}
