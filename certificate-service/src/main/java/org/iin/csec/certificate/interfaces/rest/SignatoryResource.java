package org.iin.csec.certificate.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.iin.csec.certificate.application.SignatoryService;
import org.iin.csec.certificate.infrastructure.security.SignedInCaller;

import java.util.List;

/**
 * Registered signing certificates: {@code iin} for the IIN, a state's ISO code for a state. Register with a PKCS#12
 * and its passphrase (only the certificate is kept, never the key) or with a public certificate (PEM, or base64
 * DER) for signing elsewhere.
 */
@Path("/signatories")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class SignatoryResource {

    public record RegistrationInput(String pkcs12, String passphrase, String certificate) {
    }

    @Inject
    SignatoryService signatories;

    @Inject
    SignedInCaller me;

    @GET
    public List<Views.SignatoryCertificateView> list() {
        return signatories.list(me.get()).stream().map(Views.SignatoryCertificateView::of).toList();
    }

    @GET
    @Path("{party}")
    public Views.SignatoryCertificateView get(@PathParam("party") String party) {
        return Views.SignatoryCertificateView.of(signatories.get(me.get(), party));
    }

    @PUT
    @Path("{party}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.SignatoryCertificateView register(@PathParam("party") String party, RegistrationInput input) {
        RegistrationInput in = input == null ? new RegistrationInput(null, null, null) : input;
        return Views.SignatoryCertificateView.of(signatories.register(me.get(), party,
                new SignatoryService.Registration(in.pkcs12(),
                        in.passphrase() == null ? null : in.passphrase().toCharArray(), in.certificate())));
    }
}
