package org.iin.csec.certificate.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.iin.csec.certificate.application.VerificationService;
import org.iin.csec.certificate.interfaces.web.VerificationPage;
import org.iin.csec.chassis.rest.Problem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Public verification of a certificate from its code (DESIGN §5), as an HTML page for people (what the QR code
 * opens, via {@code /verify/{code}}) or JSON for programs, by the Accept header. Unknown and malformed codes get
 * the same 404; each client address has a rate limit (429 with Retry-After beyond it).
 */
@Path("/verify")
@ApplicationScoped
public class VerificationResource {

    /** What the public may know: no e-mail, no participant id, no internal revocation reason. */
    public record VerificationView(String verificationCode, String number, String status, boolean valid,
                                   String holder, EditionView edition, Views.StateView state, LocalDate issueDate,
                                   RevocationView revocation, List<SignatureView> signatures) {
    }

    public record EditionView(String code, String title) {
    }

    public record RevocationView(LocalDate date, String category) {
    }

    public record SignatureView(String party, boolean signed, String signer, Instant signedAt, boolean intact) {
    }

    private static final String NOT_FOUND = "No certificate has this verification code.";

    @Inject
    VerificationService verification;

    @Inject
    VerificationRateLimit rateLimit;

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest request;

    @GET
    @Path("{code}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, Problem.MEDIA_TYPE})
    public Response verify(@PathParam("code") String code) {
        boolean html = wantsHtml();
        Locale language = VerificationPage.language(headers.getAcceptableLanguages());
        long wait = rateLimit.acquire(request.getRemoteAddr(), Instant.now());
        if (wait > 0) {
            Response.ResponseBuilder tooMany = Response.status(429).header("Retry-After", wait);
            return html ? page(tooMany, VerificationPage.tooManyRequests(language))
                    : tooMany.type(Problem.MEDIA_TYPE).entity(Problem.of(429, "Too Many Requests", "rate-limited",
                    "Too many verifications from your address; try again in " + wait + " seconds.", null).body())
                    .build();
        }
        Optional<VerificationService.Verification> found = verification.verify(code);
        if (found.isEmpty()) {
            return html ? page(Response.status(404), VerificationPage.notFound(language))
                    : Problem.of(Response.Status.NOT_FOUND, "not-found", NOT_FOUND).toResponse();
        }
        VerificationService.Verification v = found.get();
        return html ? page(Response.ok(), VerificationPage.of(v, language))
                : Response.ok(view(v), MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-cache").build();
    }

    /** HTML when the client prefers it to JSON (browsers do); JSON otherwise, e.g. for {@code *}{@code /*}. */
    private boolean wantsHtml() {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE) || "application/xhtml+xml".equals(type.toString())) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || "problem+json".equals(type.getSubtype())) {
                return false;
            }
        }
        return false;
    }

    private static Response page(Response.ResponseBuilder response, String html) {
        return response.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
                .header("Cache-Control", "no-cache")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                        + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    private static VerificationView view(VerificationService.Verification v) {
        return new VerificationView(v.verificationCode(), v.number(), v.status().name(), v.valid(), v.holderName(),
                new EditionView(v.editionCode(), v.editionTitle()), new Views.StateView(v.stateCode(), v.stateName()),
                v.issueDate(),
                v.revokedAt() == null ? null : new RevocationView(LocalDate.ofInstant(v.revokedAt(), ZoneOffset.UTC),
                        v.revocationCategory().name()),
                v.signatures().stream().map(s -> new SignatureView(s.party().name(), s.present(), s.signer(),
                        s.signedAt(), s.intact())).toList());
    }
}
