package org.iin.csec.certificate.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "CSEC course manager: certificate-service", version = "1",
        description = "Co-signed certificates and their public verification."))
public class CertificateApi extends Application {
}
