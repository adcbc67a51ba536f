package org.iin.csec.certificate.interfaces.web;

import org.iin.csec.certificate.application.VerificationService.SignatureCheck;
import org.iin.csec.certificate.application.VerificationService.Verification;
import org.iin.csec.certificate.domain.certificate.SignerRole;

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
 * script, inline style), in Spanish or English, with a link to the other language and one to type another code.
 * Every text that comes from data is escaped, so a holder named {@code <script>} is shown, never run.
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

    /** Spanish or English for {@code es} or {@code en}; null for anything else. */
    public static Locale supported(String languageCode) {
        return switch (languageCode.trim().toLowerCase(Locale.ROOT)) {
            case "es" -> SPANISH;
            case "en" -> Locale.ENGLISH;
            default -> null;
        };
    }

    /**
     * The form to type a code, which it sends to {@code home} as {@code ?code=}. {@code invalid} says the text sent
     * cannot be a code; like the not-found page, the form never repeats what was typed.
     */
    public static String form(Locale language, String home, boolean invalid) {
        ResourceBundle t = texts(language);
        String lang = language.getLanguage();
        StringBuilder body = new StringBuilder();
        body.append("<p>").append(escape(t.getString("form.intro"))).append("</p>\n")
                .append("<form method=\"get\" action=\"").append(escape(home)).append("\">\n")
                .append("<input type=\"hidden\" name=\"lang\" value=\"").append(lang).append("\">\n")
                .append("<label for=\"code\">").append(escape(t.getString("code"))).append("</label>\n")
                .append("<p class=\"hint\" id=\"code-hint\">").append(escape(t.getString("form.hint")))
                .append("</p>\n");
        if (invalid) {
            body.append("<p class=\"bad-text\" id=\"code-error\" role=\"alert\">")
                    .append(escape(t.getString("form.invalid"))).append("</p>\n");
        }
        body.append("<input id=\"code\" name=\"code\" type=\"text\" required maxlength=\"64\" autocomplete=\"off\" ")
                .append("autocapitalize=\"characters\" spellcheck=\"false\" autofocus aria-describedby=\"")
                .append(invalid ? "code-error code-hint\" aria-invalid=\"true" : "code-hint").append("\">\n")
                .append("<button type=\"submit\">").append(escape(t.getString("form.submit"))).append("</button>\n")
                .append("</form>\n");
        return document(t, language, body.toString(), home + "?lang=");
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
        return document(t, language, body.toString() + another(t, language), "?lang=");
    }

    /** The same page for an unknown and a malformed code: it never repeats what was typed. */
    public static String notFound(Locale language) {
        ResourceBundle t = texts(language);
        return document(t, language, "<p class=\"status bad\">" + escape(t.getString("notFound.title")) + "</p>\n<p>"
                + escape(t.getString("notFound.text")) + "</p>\n" + another(t, language), "?lang=");
    }

    public static String tooManyRequests(Locale language) {
        ResourceBundle t = texts(language);
        return document(t, language, "<p class=\"status bad\">" + escape(t.getString("tooMany.title"))
                + "</p>\n<p>" + escape(t.getString("tooMany.text")) + "</p>\n", "?lang=");
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

    /**
     * The link to type another code. Relative, so that from the printed address {@code …/verify/{code}} it leads
     * to the form at {@code …/verify/}, behind any proxy.
     */
    private static String another(ResourceBundle t, Locale language) {
        return "<p class=\"another\"><a href=\"./?lang=" + language.getLanguage() + "\">"
                + escape(t.getString("another")) + "</a></p>\n";
    }

    /** Links to the page in the other language; the current one is shown, not linked. */
    private static String languages(ResourceBundle t, Locale language, String switchHref) {
        StringBuilder nav = new StringBuilder("<nav class=\"languages\" aria-label=\"")
                .append(escape(t.getString("language"))).append("\">");
        for (Locale option : List.of(SPANISH, Locale.ENGLISH)) {
            String code = option.getLanguage();
            String name = escape(texts(option).getString("language.name"));
            nav.append(' ');
            if (code.equals(language.getLanguage())) {
                nav.append("<strong lang=\"").append(code).append("\" aria-current=\"page\">").append(name)
                        .append("</strong>");
            } else {
                nav.append("<a href=\"").append(escape(switchHref + code)).append("\" lang=\"").append(code)
                        .append("\" hreflang=\"").append(code).append("\">").append(name).append("</a>");
            }
        }
        return nav.append("</nav>\n").toString();
    }

    private static void row(StringBuilder body, String label, String value) {
        body.append("<dt>").append(escape(label)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }

    private static String document(ResourceBundle t, Locale language, String body, String switchHref) {
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
                + "a{color:#1f3a5f}:focus-visible{outline:3px solid #f0a500;outline-offset:2px}\n"
                + "nav.languages{text-align:right;font-size:.95rem;margin-bottom:.3rem}"
                + "nav.languages a,nav.languages strong{display:inline-block;padding:.35rem .4rem}\n"
                + ".another{margin-top:1.4rem}.another a{display:inline-block;padding:.35rem 0}\n"
                + "label{display:block;font-weight:600;margin-top:.8rem}.hint{font-size:.9rem;color:#555b66;margin:.2rem 0}\n"
                + "input{font:inherit;font-size:1.15rem;letter-spacing:.04em;width:100%;box-sizing:border-box;"
                + "padding:.55rem .6rem;border:1px solid #767d89;border-radius:.3rem;margin:.3rem 0 .8rem}\n"
                + "input[aria-invalid=true]{border:2px solid #8a1c1c}\n"
                + "button{font:inherit;font-size:1.05rem;font-weight:600;padding:.6rem 1.4rem;border:0;"
                + "border-radius:.3rem;background:#1f3a5f;color:#fff;cursor:pointer}\n"
                + "</style>\n</head>\n<body>\n<main>\n" + languages(t, language, switchHref)
                + "<header><p>" + escape(t.getString("institution"))
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
