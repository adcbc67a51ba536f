package org.iin.csec.certificate.interfaces.web;

import org.iin.csec.certificate.application.VerificationService.SignatureCheck;
import org.iin.csec.certificate.application.VerificationService.Verification;
import org.iin.csec.certificate.document.SignerRole;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The verification page a phone opens from the certificate's QR code: one small self-contained HTML page (no
 * script, inline style), in Spanish or English. Every text that comes from data is escaped, so a holder named
 * {@code <script>} is shown, never run.
 */
public final class VerificationPage {

    private static final String TEXTS = "org.iin.csec.certificate.interfaces.web.verification";
    private static final Locale SPANISH = Locale.forLanguageTag("es");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private VerificationPage() {
    }

    /** Spanish or English, the first of them the reader accepts; Spanish, the IIN's language, otherwise. */
    public static Locale language(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            if ("en".equals(locale.getLanguage())) {
                return Locale.ENGLISH;
            }
            if ("es".equals(locale.getLanguage())) {
                return SPANISH;
            }
        }
        return SPANISH;
    }

    public static String of(Verification v, Locale language) {
        ResourceBundle t = texts(language);
        String status = v.status().name();
        StringBuilder body = new StringBuilder();
        body.append("<p class=\"status ").append(v.valid() ? "ok" : "bad").append("\">")
                .append(escape(t.getString("status." + status))).append("</p>\n");
        if (v.revokedAt() != null) {
            body.append("<p class=\"bad-text\">")
                    .append(escape(format(t, "revokedOn", language, date(v.revokedAt(), language))))
                    .append(' ').append(escape(t.getString("category." + v.revocationCategory().name())))
                    .append("</p>\n");
        }
        body.append("<dl>\n");
        row(body, t.getString("holder"), v.holderName());
        row(body, t.getString("course"), format(t, "courseValue", language, v.editionTitle(), v.editionCode()));
        row(body, t.getString("state"), v.stateName());
        row(body, t.getString("issueDate"),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language).format(v.issueDate()));
        row(body, t.getString("number"), v.number());
        row(body, t.getString("code"), v.verificationCode());
        body.append("</dl>\n<h2>").append(escape(t.getString("signatures"))).append("</h2>\n<ul class=\"signatures\">\n");
        for (SignatureCheck s : v.signatures()) {
            String party = s.party() == SignerRole.IIN ? t.getString("party.IIN")
                    : format(t, "party.STATE", language, v.stateName());
            body.append("<li><strong>").append(escape(party)).append("</strong><br>");
            if (!s.present()) {
                body.append("<span class=\"bad-text\">").append(escape(t.getString("signature.missing")))
                        .append("</span>");
            } else {
                body.append(escape(s.signer()));
                if (s.signedAt() != null) {
                    body.append(", ").append(escape(format(t, "signature.signedAt", language,
                            UTC_TIME.format(s.signedAt()))));
                }
                body.append("<br><span class=\"").append(s.intact() ? "ok-text" : "bad-text").append("\">")
                        .append(escape(t.getString(s.intact() ? "signature.intact" : "signature.broken")))
                        .append("</span>");
            }
            body.append("</li>\n");
        }
        body.append("</ul>\n");
        return document(t, language, body.toString());
    }

    /** The same page for an unknown and a malformed code: it never repeats what was typed. */
    public static String notFound(Locale language) {
        ResourceBundle t = texts(language);
        return document(t, language, "<p class=\"status bad\">" + escape(t.getString("notFound.title")) + "</p>\n<p>"
                + escape(t.getString("notFound.text")) + "</p>\n");
    }

    public static String tooManyRequests(Locale language) {
        ResourceBundle t = texts(language);
        return document(t, language, "<p class=\"status bad\">" + escape(t.getString("tooMany.title"))
                + "</p>\n<p>" + escape(t.getString("tooMany.text")) + "</p>\n");
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder body, String label, String value) {
        body.append("<dt>").append(escape(label)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }

    private static String document(ResourceBundle t, Locale language, String body) {
        return "<!DOCTYPE html>\n<html lang=\"" + language.getLanguage() + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n"
                + "<title>" + escape(t.getString("title")) + "</title>\n<style>\n"
                + "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;background:#f4f5f7;"
                + "color:#1a1a1a;line-height:1.45}\n"
                + "main{max-width:36rem;margin:0 auto;padding:1rem 1.1rem 2rem;background:#fff;min-height:100vh}\n"
                + "header{border-bottom:3px solid #b08d3c;margin-bottom:1rem;padding-bottom:.5rem}\n"
                + "header p{margin:0;color:#1f3a5f;font-weight:600;font-size:.95rem}\n"
                + "h1{font-size:1.3rem;margin:.3rem 0 0;color:#1f3a5f}h2{font-size:1.05rem;color:#1f3a5f}\n"
                + ".status{font-size:1.2rem;font-weight:700;padding:.7rem .9rem;border-radius:.4rem}\n"
                + ".ok{background:#e3f4e8;color:#17632f}.bad{background:#fbe6e6;color:#8a1c1c}\n"
                + ".ok-text{color:#17632f}.bad-text{color:#8a1c1c}\n"
                + "dl{margin:0}dt{font-size:.8rem;color:#555b66;margin-top:.7rem}dd{margin:0;font-size:1.05rem;"
                + "overflow-wrap:anywhere}\n"
                + "ul.signatures{list-style:none;padding:0}ul.signatures li{border:1px solid #dde;border-radius:.4rem;"
                + "padding:.6rem .8rem;margin-bottom:.6rem;overflow-wrap:anywhere}\n"
                + "</style>\n</head>\n<body>\n<main>\n<header><p>" + escape(t.getString("institution"))
                + "</p><h1>" + escape(t.getString("title")) + "</h1></header>\n" + body
                + "</main>\n</body>\n</html>\n";
    }

    private static String format(ResourceBundle t, String key, Locale language, Object... arguments) {
        return new MessageFormat(t.getString(key), language).format(arguments);
    }

    private static String date(Instant instant, Locale language) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language)
                .format(instant.atZone(ZoneOffset.UTC).toLocalDate());
    }

    private static ResourceBundle texts(Locale language) {
        return ResourceBundle.getBundle(TEXTS, language, NO_FALLBACK);
    }
}
