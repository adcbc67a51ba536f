package org.iin.csec.certificate.application;

import org.iin.csec.certificate.domain.certificate.Certificate;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The e-mail that brings a learner their certificate, in the certificate's printed language (Spanish when there is
 * no translation). Texts are in {@code learner-mail_xx.properties} next to this class.
 */
public final class LearnerMessages {

    private static final String BUNDLE = "org.iin.csec.certificate.application.learner-mail";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private LearnerMessages() {
    }

    public static LearnerMailer.LearnerMail certificateMail(Certificate certificate, String verificationUrl,
                                                            byte[] pdf) {
        Locale language = Locale.forLanguageTag(certificate.content().language());
        ResourceBundle texts = bundle(language);
        Object[] arguments = {certificate.holderName(), certificate.content().editionTitle(),
                certificate.editionCode(), certificate.number(), verificationUrl,
                certificate.verificationCode()};
        return new LearnerMailer.LearnerMail(certificate.holderEmail(),
                new MessageFormat(texts.getString("subject"), language).format(arguments),
                new MessageFormat(texts.getString("body"), language).format(arguments),
                EditionArchive.fileName(certificate), pdf);
    }

    private static ResourceBundle bundle(Locale language) {
        try {
            return ResourceBundle.getBundle(BUNDLE, language, NO_FALLBACK);
        } catch (MissingResourceException e) {
            return ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(CertificateDocuments.FALLBACK_LANGUAGE),
                    NO_FALLBACK);
        }
    }
}
