package org.iin.csec.certificate.application.signing;

import java.util.List;
import java.util.Optional;

/**
 * The signature fields of a PDF and what {@link SignatureVerifier} found in them.
 *
 * @param fields                    every signature field, signed or empty, in the order the document lists them
 * @param changedAfterLastSignature bytes were added after the last signature, so its signer did not see the file
 *                                  as it is now
 */
public record SignatureReport(List<SignatureField> fields, boolean changedAfterLastSignature) {

    public SignatureReport {
        fields = List.copyOf(fields);
    }

    public Optional<SignatureField> field(String name) {
        return fields.stream().filter(field -> field.name().equals(name)).findFirst();
    }

    /** The signatures present, from any field. */
    public List<FieldSignature> signatures() {
        return fields.stream().flatMap(field -> field.signature().stream()).toList();
    }

    /** Every signature present is valid and nothing was changed after the last one. Empty fields do not count. */
    public boolean isIntact() {
        return !changedAfterLastSignature && signatures().stream().allMatch(FieldSignature::isValid);
    }

    /** Every signature field is signed, and the whole file is intact. */
    public boolean isFullySigned() {
        return !fields.isEmpty() && fields.stream().allMatch(SignatureField::isSigned) && isIntact();
    }
}
