package org.iin.csec.certificate.application.signing;

import java.util.Objects;

/**
 * What a signature shows on the page besides the date: the signatory as the certificate names them, which may be
 * spelled differently from the subject of their digital certificate.
 */
public record SignerAppearance(String name, String title) {
    public SignerAppearance {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        if (name.isBlank()) {
            throw new IllegalArgumentException("The signer's name is required");
        }
    }
}
