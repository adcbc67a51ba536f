package org.iin.csec.certificate.infrastructure.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.iin.csec.certificate.domain.certificate.VerificationCode;

/** A verification code is stored as printed ("7K3Q-…"); one read back is parsed, so a corrupted one fails loudly. */
@Converter(autoApply = true)
public class VerificationCodeConverter implements AttributeConverter<VerificationCode, String> {

    @Override
    public String convertToDatabaseColumn(VerificationCode code) {
        return code == null ? null : code.toString();
    }

    @Override
    public VerificationCode convertToEntityAttribute(String printed) {
        return printed == null ? null : VerificationCode.parse(printed);
    }
}
