package org.iin.csec.certificate.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.iin.csec.certificate.application.BatchSigning;
import org.iin.csec.certificate.application.CertificateDocuments;
import org.iin.csec.certificate.application.CertificateService;
import org.iin.csec.certificate.application.EditionArchive;
import org.iin.csec.certificate.application.IssuanceRequest;
import org.iin.csec.certificate.application.SigningService;
import org.iin.csec.certificate.domain.batch.SigningBatch;
import org.iin.csec.certificate.domain.certificate.Certificate;
import org.iin.csec.certificate.domain.certificate.CertificateStatus;
import org.iin.csec.certificate.infrastructure.security.SignedInCaller;
import org.iin.csec.chassis.domain.RuleViolation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Certificates: listing and reading them (a state-bound caller only their own state's), their current PDF,
 * signing them on the server one by one or in a batch, uploading a PDF signed elsewhere, and the course leader's
 * decisions (revoke, reissue, keep despite a revocation request).
 */
@Path("/certificates")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class CertificateResource {

    /**
     * A signing request: the signatory's PKCS#12 (base64) and its passphrase, used for this request only and never
     * stored; {@code as} ("IIN" or "STATE") when the caller may sign as both.
     */
    public record SigningInput(String pkcs12, String passphrase, String as) {
    }

    /** A batch: as {@link SigningInput}, optionally limited to one edition. */
    public record BatchInput(String pkcs12, String passphrase, String edition, String as) {
    }

    public record RevocationInput(String reason) {
    }

    /** A reissue: why, and optionally the corrected holder (first and last name, e-mail). */
    public record ReissueInput(String reason, IssuanceRequest.Holder holder) {
    }

    @Inject
    CertificateService certificates;

    @Inject
    SigningService signing;

    @Inject
    BatchSigning batches;

    @Inject
    CertificateDocuments documents;

    @Inject
    SignedInCaller me;

    @GET
    public List<Views.CertificateView> list(@QueryParam("edition") String edition, @QueryParam("state") String state,
                                            @QueryParam("status") String status,
                                            @QueryParam("revocationRequested") Boolean revocationRequested) {
        return certificates.search(me.get(), edition, state, status(status), revocationRequested).stream()
                .map(this::view).toList();
    }

    @GET
    @Path("{id}")
    public Views.CertificateView get(@PathParam("id") long id) {
        return view(certificates.get(me.get(), id));
    }

    /** The current file: the latest signed revision, or the prepared PDF while nobody signed. */
    @GET
    @Path("{id}/pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") long id) {
        Certificate certificate = certificates.get(me.get(), id);
        byte[] pdf = certificates.currentPdf(me.get(), id);
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + EditionArchive.fileName(certificate) + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    /** A PDF signed elsewhere (the body, application/pdf); refused with 422 and the check's verdict otherwise. */
    @PUT
    @Path("{id}/pdf")
    @Consumes("application/pdf")
    public Views.CertificateView upload(@PathParam("id") long id, @QueryParam("as") String as, InputStream body) {
        return view(signing.acceptUpload(me.get(), id, read(body), as));
    }

    @POST
    @Path("{id}/signatures")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.CertificateView sign(@PathParam("id") long id, SigningInput input) {
        SigningInput in = input == null ? new SigningInput(null, null, null) : input;
        return view(signing.signOnServer(me.get(), id, in.pkcs12(), chars(in.passphrase()), in.as()));
    }

    /**
     * Signs, in the background, every certificate awaiting the caller's signature (optionally of one edition).
     * 202 with the batch; its progress is at {@code /signing-batches/{id}}. Posting again after a restart resumes
     * an interrupted batch; the passphrase must be sent again, as it is never stored.
     */
    @POST
    @Path("signatures")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signBatch(BatchInput input) {
        BatchInput in = input == null ? new BatchInput(null, null, null, null) : input;
        SigningBatch batch = batches.start(me.get(), in.pkcs12(), chars(in.passphrase()), in.edition(), in.as());
        return Response.accepted(Views.BatchView.of(batch))
                .location(URI.create("signing-batches/" + batch.id())).build();
    }

    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.CertificateView revoke(@PathParam("id") long id, RevocationInput input) {
        return view(certificates.revoke(me.get(), id, input == null ? null : input.reason()));
    }

    /** 201 with the new certificate; the old one is revoked as superseded and points to it. */
    @POST
    @Path("{id}/reissue")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reissue(@PathParam("id") long id, ReissueInput input) {
        ReissueInput in = input == null ? new ReissueInput(null, null) : input;
        Certificate replacement = certificates.reissue(me.get(), id, in.reason(), in.holder());
        return Response.status(201).entity(view(replacement))
                .location(URI.create("certificates/" + replacement.id())).build();
    }

    /** The course leader keeps a signed certificate whose revocation course-service asked for. */
    @DELETE
    @Path("{id}/revocation-request")
    public Views.CertificateView keep(@PathParam("id") long id) {
        return view(certificates.keepDespiteRevocationRequest(me.get(), id));
    }

    private Views.CertificateView view(Certificate certificate) {
        return Views.CertificateView.of(certificate,
                documents.verificationUrl(certificate.verificationCode()).toString());
    }

    private static CertificateStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return CertificateStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("unknown-status", "status", "The status is one of "
                    + List.of(CertificateStatus.values()) + ".");
        }
    }

    /** The passphrase as characters, which the signing code wipes once the PKCS#12 is open. */
    private static char[] chars(String passphrase) {
        return passphrase == null ? null : passphrase.toCharArray();
    }

    private static byte[] read(InputStream body) {
        try (body) {
            byte[] bytes = body.readNBytes(SigningService.MAX_UPLOAD_BYTES + 1);
            if (bytes.length > SigningService.MAX_UPLOAD_BYTES) {
                throw new RuleViolation("pdf-too-large", "A signed certificate is at most "
                        + SigningService.MAX_UPLOAD_BYTES / (1024 * 1024) + " MB.");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
