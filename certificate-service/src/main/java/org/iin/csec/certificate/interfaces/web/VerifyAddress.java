package org.iin.csec.certificate.interfaces.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.iin.csec.certificate.domain.certificate.VerificationCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * The short public address printed on certificates and encoded in their QR codes, {@code /verify/{code}}: the
 * same answer as {@code /api/v1/verify/{code}}, which it forwards to. Anything but the code's own symbols is
 * dropped from the forwarded path, so what reaches the API is always a code to check (or plainly not one).
 * <p>
 * {@code /verify/} alone is a small form to type a code (for a certificate read on paper), which comes back here
 * as {@code ?code=} and is sent on to the code's own address. {@code ?lang=es} or {@code ?lang=en} chooses the
 * page's language over the browser's, for a reader whose phone speaks neither.
 */
@WebServlet(urlPatterns = "/verify/*")
public class VerifyAddress extends HttpServlet {

    /** The form's policy: the verification pages' own, but the form may submit here (nothing else may). */
    static final String FORM_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'self'";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Locale chosen = chosenLanguage(request);
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (path.isEmpty() || path.equals("/")) {
            typeACode(request, response, chosen);
            return;
        }
        String code = path.replaceFirst("^/", "").replace(" ", "");
        if (!code.matches("[A-Za-z0-9-]{1,64}")) {
            code = "-";
        }
        HttpServletRequest forwarded = chosen == null ? request : new WithLanguage(request, chosen);
        request.getRequestDispatcher("/api/v1/verify/" + code).forward(forwarded, response);
    }

    /** The form, or, once a code was typed, its address (a code that cannot be one gets the form again). */
    private static void typeACode(HttpServletRequest request, HttpServletResponse response, Locale chosen)
            throws IOException {
        String home = request.getContextPath() + "/verify/";
        Locale language = chosen != null ? chosen : VerificationPage.language(Collections.list(request.getLocales()));
        String typed = request.getParameter("code");
        if (typed != null && !typed.isBlank()) {
            String canonical = canonical(typed);
            if (canonical != null) {
                // A path without scheme and host: right behind a proxy too.
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", home + canonical
                        + (chosen == null ? "" : "?lang=" + chosen.getLanguage()));
                return;
            }
        }
        boolean invalid = typed != null;
        response.setStatus(invalid ? HttpServletResponse.SC_BAD_REQUEST : HttpServletResponse.SC_OK);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Content-Security-Policy", FORM_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        byte[] page = VerificationPage.form(language, home, invalid).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    /** The code in its printed form, or null if the text cannot be a verification code. */
    static String canonical(String typed) {
        try {
            return VerificationCode.parse(typed.strip()).toString();
        } catch (IllegalArgumentException notACode) {
            return null;
        }
    }

    /** {@code ?lang=} when it names one of the page's languages; anything else is ignored. */
    static Locale chosenLanguage(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        return lang == null ? null : VerificationPage.supported(lang);
    }

    /** The request as if the browser asked for {@code language} only: how the API picks the page's language. */
    private static final class WithLanguage extends HttpServletRequestWrapper {

        private final Locale language;

        WithLanguage(HttpServletRequest request, Locale language) {
            super(request);
            this.language = language;
        }

        @Override
        public String getHeader(String name) {
            return "Accept-Language".equalsIgnoreCase(name) ? language.getLanguage() : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Accept-Language".equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(language.getLanguage())) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>(Collections.list(super.getHeaderNames()));
            if (names.stream().noneMatch("Accept-Language"::equalsIgnoreCase)) {
                names.add("Accept-Language");
            }
            return Collections.enumeration(names);
        }

        @Override
        public Locale getLocale() {
            return language;
        }

        @Override
        public Enumeration<Locale> getLocales() {
            return Collections.enumeration(List.of(language));
        }
    }
}
