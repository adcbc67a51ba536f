package org.iin.csec.certificate.it;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import jakarta.json.JsonObject;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.iin.csec.certificate.application.signing.SignatureReport;
import org.iin.csec.certificate.application.signing.SignerAppearance;
import org.iin.csec.certificate.application.signing.SigningCredential;
import org.iin.csec.certificate.infrastructure.pdf.CertificateStyle;
import org.iin.csec.certificate.infrastructure.pdf.Poppler;
import org.iin.csec.certificate.infrastructure.signing.CertificateSigner;
import org.iin.csec.certificate.infrastructure.signing.SignatureVerifier;
import org.iin.csec.certificate.infrastructure.signing.TestCredentials;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iin.csec.chassis.testing.Awaiting.await;
import static org.iin.csec.certificate.it.Api.expect;
import static org.iin.csec.certificate.it.Api.handOff;
import static org.iin.csec.certificate.it.Api.signing;
import static org.iin.csec.certificate.it.TestEnvironment.ADMIN;
import static org.iin.csec.certificate.it.TestEnvironment.COORD_AR;
import static org.iin.csec.certificate.it.TestEnvironment.LEADER;
import static org.iin.csec.certificate.it.TestEnvironment.SERVICE_TOKEN;
import static org.iin.csec.certificate.it.TestEnvironment.SIGN_AR;
import static org.iin.csec.certificate.it.TestEnvironment.SIGN_UY;

/**
 * certificate-service deployed on Payara Micro with its embedded database, between a fake course-service and a
 * real SMTP server (GreenMail): the hand-off, both signatures on the server, by upload and in batches, delivery,
 * the notice to course-service, revocation, reissue, public verification and who may do what.
 */
@ExtendWith(ServiceConfiguration.class)
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CertificateServiceIT {

    private static final String PASSPHRASE = TestCredentials.PASSPHRASE;
    private static final TestCredentials IIN_KEY = TestCredentials.courseLeader();
    private static final TestCredentials AR_KEY = TestCredentials.stateSignatory();
    private static final TestCredentials UY_KEY = TestCredentials.create("Lucía Pérez", "INAU");
    private static final TestCredentials INTRUDER = TestCredentials.create("Mallory Forger", "Nowhere");
    private static final SignatureVerifier VERIFIER = new SignatureVerifier();

    private static boolean prepared;

    @ArquillianResource
    URL deployment;

    private Api api;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.certificateService();
    }

    @BeforeEach
    void registerSignatoriesOnce() {
        api = new Api(deployment);
        if (!prepared) {
            // The IIN registers from its PKCS#12 (only the certificate is kept), Argentina from a PEM certificate.
            expect(200, api.put(LEADER, "/signatories/iin", signing(IIN_KEY.pkcs12(), PASSPHRASE)));
            expect(200, api.put(SIGN_AR, "/signatories/ar", "{\"certificate\":\"" + pem(AR_KEY)
                    .replace("\n", "\\n") + "\"}"));
            expect(200, api.put(SIGN_UY, "/signatories/UY", signing(UY_KEY.pkcs12(), PASSPHRASE)));
            prepared = true;
        }
    }

    @Test
    void fromHandOffToDeliveryAndTheNoticeToCourseService() throws Exception {
        TestEnvironment.courseService().failNextNoticesAbout(101, 1);
        String body = handOff(101, "IT-1", "AR", "Ana", "García", "ana.garcia@example.org");

        JsonObject issued = expect(201, api.service(SERVICE_TOKEN, "/issuance", body)).json();
        assertThat(issued.keySet()).containsExactlyInAnyOrder("certificateId", "number", "status", "verificationCode");
        assertThat(issued.getString("status")).isEqualTo("ISSUED");
        assertThat(issued.getString("number")).isEqualTo("IT-1/AR/0001");
        JsonObject again = expect(200, api.service(SERVICE_TOKEN, "/issuance", body)).json();
        assertThat(again).isEqualTo(issued);
        long id = issued.getJsonNumber("certificateId").longValue();
        String path = "/certificates/" + id;

        JsonObject fresh = expect(200, api.get(LEADER, path)).json();
        assertThat(fresh.getJsonArray("awaitingSignatures")).extracting(v -> ((jakarta.json.JsonString) v).getString())
                .containsExactly("IIN", "STATE");
        assertThat(fresh.getString("verificationUrl"))
                .isEqualTo("https://cursos.iin.example/certificates/verify/" + issued.getString("verificationCode"));

        JsonObject afterIin = expect(200, api.post(LEADER, path + "/signatures", signing(IIN_KEY.pkcs12(), PASSPHRASE))).json();
        assertThat(afterIin.getString("status")).isEqualTo("ISSUED");
        assertThat(afterIin.getJsonObject("signatures").getJsonObject("iin").getString("signedBy")).isEqualTo(LEADER);
        JsonObject signed = expect(200, api.post(SIGN_AR, path + "/signatures", signing(AR_KEY.pkcs12(), PASSPHRASE))).json();
        assertThat(signed.getString("status")).isIn("SIGNED", "DELIVERED");

        // The learner receives the signed PDF by e-mail; then the certificate is DELIVERED.
        MimeMessage mail = awaitMailTo("ana.garcia@example.org");
        assertThat(mail.getSubject()).contains("IT-1");
        byte[] attached = pdfAttachment(mail);
        assertThat(VERIFIER.verify(attached).isFullySigned()).isTrue();
        await("certificate delivered", Duration.ofSeconds(60), Duration.ofMillis(200))
                .until(() -> status(id).equals("DELIVERED"));

        // course-service is told, through the outbox: its first answer was a 500, and the notice was sent again.
        await("course-service notified", Duration.ofSeconds(60), Duration.ofMillis(200))
                .until(() -> TestEnvironment.courseService().notices().stream()
                        .anyMatch(n -> n.answeredWith() == 200 && n.path().endsWith("/participants/101/certified")));
        List<FakeCourseService.Notice> notices = TestEnvironment.courseService().notices().stream()
                .filter(n -> n.path().endsWith("/participants/101/certified")).toList();
        assertThat(notices).extracting(FakeCourseService.Notice::answeredWith).containsExactly(500, 200);
        assertThat(notices.get(1).authorization()).isEqualTo("Bearer " + SERVICE_TOKEN);
        assertThat(notices.get(1).body()).startsWith("{\"edition\":\"IT-1\",\"certificateNumber\":\"IT-1/AR/0001\","
                + "\"verificationUrl\":\"").contains("/certificates/verify/");

        // The stored PDF: both signatures verify, with iText and with poppler's pdfsig.
        byte[] stored = expect(200, api.get(LEADER, path + "/pdf", "application/pdf")).bytes();
        assertThat(stored).isEqualTo(attached);
        SignatureReport report = VERIFIER.verify(stored);
        assertThat(report.isFullySigned()).isTrue();
        assertThat(report.field("iin").orElseThrow().signature().orElseThrow().signerCommonName())
                .contains("Ana Lucía Gonçalves");
        String pdfsig = Poppler.run("pdfsig", Poppler.save("it-delivered.pdf", stored).toString());
        assertThat(pdfsig.split("Signature #\\d+:")).filteredOn(b -> b.contains("Signature Field Name:")).hasSize(2)
                .allSatisfy(block -> assertThat(block).contains("Signature Validation: Signature is Valid."));
        assertThat(pdfsig).contains("Signature Field Name: iin", "Signature Field Name: state");

        // Public verification, as JSON and as the page the QR code opens.
        String code = issued.getString("verificationCode");
        Api.Reply verification = expect(200, api.get(null, "/verify/" + code));
        JsonObject v = verification.json();
        assertThat(v.getString("status")).isEqualTo("VALID");
        assertThat(v.getBoolean("valid")).isTrue();
        assertThat(v.getString("holder")).isEqualTo("Ana García");
        assertThat(v.getJsonArray("signatures")).hasSize(2)
                .allSatisfy(s -> assertThat(s.asJsonObject().getBoolean("intact")).isTrue());
        assertThat(verification.body()).doesNotContain("ana.garcia@example.org", "\"participant", "101");
        Api.Reply page = expect(200, api.page("/verify/" + code.toLowerCase(), "text/html,*/*;q=0.8", "en-GB,en;q=0.9"));
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("Valid certificate", "Ana García", "Signature intact");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");

        // Every change is audited, with who did it.
        var audit = expect(200, api.get(LEADER, "/audit?entityType=Certificate&entityId=" + id)).array();
        assertThat(audit).extracting(e -> e.asJsonObject().getString("action")).containsExactly(
                "certificate.delivered", "certificate.signed", "certificate.signed", "certificate.issued");
        assertThat(audit).extracting(e -> e.asJsonObject().getString("actor"))
                .containsExactly("system", SIGN_AR, LEADER, "course-service");
        expect(403, api.get(SIGN_AR, "/audit"));
    }

    @Test
    void onlyCourseServiceHandsOverAndBadInputIsRefusedWhole() {
        String body = handOff(102, "IT-1", "AR", "Bea", "Núñez", "bea@example.org");

        expect(401, api.service(null, "/issuance", body));
        Api.Reply wrongToken = expect(401, api.service("not-the-token-" + SERVICE_TOKEN, "/issuance", body));
        assertThat(wrongToken.contentType()).startsWith("application/problem+json");
        assertThat(wrongToken.body()).doesNotContain(SERVICE_TOKEN);
        expect(401, api.post(LEADER, "/issuance", body));
        expect(401, api.service(SERVICE_TOKEN.substring(1), "/issuance/IT-1/102/cancel", "{}"));
        // The service token opens the hand-off only, nothing else.
        expect(401, api.service(SERVICE_TOKEN, "/certificates/signatures", "{}"));

        Api.Reply invalid = expect(400, api.service(SERVICE_TOKEN, "/issuance", body
                .replace("\"language\":\"es\"", "\"language\":\"de\"").replace("bea@example.org", "no-address")
                .replace("\"participantId\":102", "\"participantId\":-1")));
        assertThat(invalid.json().getJsonArray("errors")).extracting(e -> e.asJsonObject().getString("field"))
                .containsExactlyInAnyOrder("participantId", "edition.language", "holder.email");
        expect(400, api.service(SERVICE_TOKEN, "/issuance", "{not json"));
        expect(404, api.service(SERVICE_TOKEN, "/issuance/IT-1/102/cancel", "{}"));
        assertThat(expect(200, api.get(LEADER, "/certificates?edition=IT-1&state=AR")).array())
                .noneMatch(c -> c.asJsonObject().getInt("participantId") == 102);
    }

    @Test
    void aLanguageWithoutTranslationAndMissingFaceToFaceDatesStillMakeACertificate() {
        String body = handOff(103, "IT-1", "AR", "Caio", "Souza", "caio@example.org")
                .replace("\"language\":\"es\"", "\"language\":\"pt\"")
                .replace("\"faceToFaceStart\":\"2027-06-14\"", "\"faceToFaceStart\":null")
                .replace("\"faceToFaceEnd\":\"2027-06-18\"", "\"faceToFaceEnd\":null");

        long id = expect(201, api.service(SERVICE_TOKEN, "/issuance", body)).json().getJsonNumber("certificateId").longValue();

        JsonObject certificate = expect(200, api.get(LEADER, "/certificates/" + id)).json();
        assertThat(certificate.getString("language")).isEqualTo("es");
        assertThat(certificate.getString("requestedLanguage")).isEqualTo("pt");
        assertThat(certificate.getString("languageNote")).contains("'pt'");
    }

    @Test
    void aStateSignatoryNeitherReadsNorSignsAnotherStatesCertificates() {
        long uruguayan = issue(201, "IT-STATES", "UY", "Lucía", "Pereira", "lucia@example.org");
        long argentine = issue(202, "IT-STATES", "AR", "Juan", "Pérez", "juan@example.org");
        String uy = "/certificates/" + uruguayan;

        expect(404, api.get(SIGN_AR, uy));
        expect(404, api.get(SIGN_AR, uy + "/pdf", "application/pdf"));
        expect(404, api.post(SIGN_AR, uy + "/signatures", signing(AR_KEY.pkcs12(), PASSPHRASE)));
        expect(404, api.putPdf(SIGN_AR, uy + "/pdf", "%PDF-1.7".getBytes()));
        expect(403, api.get(SIGN_AR, "/certificates?state=UY"));
        expect(403, api.get(SIGN_AR, "/editions/IT-STATES/certificates.zip?state=UY", "application/zip"));
        assertThat(expect(200, api.get(SIGN_AR, "/certificates?edition=IT-STATES")).array())
                .extracting(c -> c.asJsonObject().getJsonNumber("id").longValue()).containsExactly(argentine);
        // A coordinator reads their state's certificates but signs nothing; only the leader revokes.
        expect(200, api.get(COORD_AR, "/certificates/" + argentine));
        expect(403, api.post(COORD_AR, "/certificates/" + argentine + "/signatures", signing(AR_KEY.pkcs12(), PASSPHRASE)));
        expect(403, api.post(SIGN_AR, "/certificates/" + argentine + "/revoke", "{\"reason\":\"x\"}"));
        // Nor may a state signatory sign as the IIN, or register another party's certificate.
        expect(403, api.post(SIGN_AR, "/certificates/" + argentine + "/signatures",
                "{\"as\":\"IIN\",\"pkcs12\":\"" + b64(AR_KEY.pkcs12()) + "\",\"passphrase\":\"" + PASSPHRASE + "\"}"));
        expect(403, api.put(SIGN_AR, "/signatories/uy", signing(AR_KEY.pkcs12(), PASSPHRASE)));
        expect(403, api.put(SIGN_AR, "/signatories/iin", signing(AR_KEY.pkcs12(), PASSPHRASE)));
        assertThat(expect(200, api.get(SIGN_AR, "/signatories")).array())
                .extracting(s -> s.asJsonObject().getString("party")).containsExactly("IIN", "AR");

        JsonObject untouched = expect(200, api.get(LEADER, uy)).json();
        assertThat(untouched.getJsonArray("awaitingSignatures")).hasSize(2);
    }

    @Test
    void anUploadSignedWithTheWrongKeyInTheWrongFieldOrOnAnAlteredFileIsRefusedAndChangesNothing() {
        long id = issue(301, "IT-UPLOAD", "AR", "Marta", "Suárez", "marta@example.org");
        String path = "/certificates/" + id;
        byte[] downloaded = expect(200, api.get(SIGN_AR, path + "/pdf", "application/pdf")).bytes();

        assertRefused(path, sign(downloaded, "state", INTRUDER), "WRONG_SIGNER");
        assertRefused(path, sign(downloaded, "iin", AR_KEY), "WRONG_FIELD");
        assertRefused(path, sign(edited(downloaded), "state", AR_KEY), "UNEXPECTED_CHANGES");
        assertRefused(path, sign(resaved(downloaded), "state", AR_KEY), "ORIGINAL_CHANGED");
        assertRefused(path, downloaded, "NO_NEW_SIGNATURE");
        assertRefused(path, "not a pdf".getBytes(), "NOT_A_PDF");

        // On the server: a wrong passphrase, or another key than the registered one, are refused too.
        Api.Reply wrongPassphrase = expect(422, api.post(SIGN_AR, path + "/signatures",
                signing(AR_KEY.pkcs12(), "wrong-passphrase-123")));
        assertThat(wrongPassphrase.json().getString("code")).isEqualTo("invalid-credential");
        assertThat(wrongPassphrase.body()).doesNotContain("wrong-passphrase-123");
        Api.Reply notRegistered = expect(422, api.post(SIGN_AR, path + "/signatures",
                signing(INTRUDER.pkcs12(), PASSPHRASE)));
        assertThat(notRegistered.json().getString("code")).isEqualTo("not-the-registered-certificate");

        JsonObject unchanged = expect(200, api.get(LEADER, path)).json();
        assertThat(unchanged.getString("status")).isEqualTo("ISSUED");
        assertThat(unchanged.getJsonArray("awaitingSignatures")).hasSize(2);
        assertThat(expect(200, api.get(SIGN_AR, path + "/pdf", "application/pdf")).bytes()).isEqualTo(downloaded);

        // The right upload is accepted; the state signed first, by upload, and the IIN signs after it.
        JsonObject accepted = expect(200, api.putPdf(SIGN_AR, path + "/pdf", sign(downloaded, "state", AR_KEY))).json();
        assertThat(accepted.getJsonObject("signatures").getJsonObject("state").getString("method")).isEqualTo("UPLOAD");
        assertRefused(path, sign(downloaded, "state", AR_KEY), null);
        JsonObject signed = expect(200, api.post(LEADER, path + "/signatures", signing(IIN_KEY.pkcs12(), PASSPHRASE))).json();
        assertThat(signed.getString("status")).isIn("SIGNED", "DELIVERED");
        assertThat(VERIFIER.verify(expect(200, api.get(LEADER, path + "/pdf", "application/pdf")).bytes())
                .isFullySigned()).isTrue();
    }

    @Test
    void batchSigningOfTwentyCertificatesShowsProgressUntilDoneEqualsTotal() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            ids.add(issue(5000 + i, "IT-BATCH", "UY", "Persona" + i, "Lote", "lote" + i + "@example.org"));
        }

        JsonObject stateBatch = runBatch(SIGN_UY, UY_KEY, "IT-BATCH");
        assertThat(stateBatch.getInt("done")).isEqualTo(20);
        assertThat(stateBatch.getInt("total")).isEqualTo(20);
        assertThat(stateBatch.getInt("failed")).isZero();
        expect(404, api.get(SIGN_AR, "/signing-batches/" + stateBatch.getInt("id")));

        JsonObject iinBatch = runBatch(LEADER, IIN_KEY, "IT-BATCH");
        assertThat(iinBatch.getInt("done")).isEqualTo(20).isEqualTo(iinBatch.getInt("total"));

        for (long id : ids) {
            assertThat(status(id)).isIn("SIGNED", "DELIVERED");
        }
        await("all 20 delivered", Duration.ofSeconds(60), Duration.ofMillis(200))
                .until(() -> ids.stream().allMatch(id -> status(id).equals("DELIVERED")));
        assertThat(Arrays.stream(TestEnvironment.mail().getReceivedMessages())
                .filter(m -> recipient(m).startsWith("lote"))).hasSize(20);

        // Nothing is left for a second batch.
        JsonObject nothingLeft = runBatch(SIGN_UY, UY_KEY, "IT-BATCH");
        assertThat(nothingLeft.getInt("total")).isZero();

        // The state's signed certificates, as one ZIP.
        Api.Reply zip = expect(200, api.get(SIGN_UY, "/editions/IT-BATCH/certificates.zip", "application/zip"));
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.bytes()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
                assertThat(VERIFIER.verify(in.readAllBytes()).isFullySigned()).isTrue();
            }
        }
        assertThat(names).hasSize(20).contains("certificate-IT-BATCH-UY-0001.pdf", "certificate-IT-BATCH-UY-0020.pdf");
    }

    @Test
    void aRevokedCertificateVerifiesAsRevokedWithoutItsInternalReason() {
        long id = issue(401, "IT-REVOKE", "AR", "Rosa", "Luna", "rosa@example.org");
        String code = expect(200, api.get(LEADER, "/certificates/" + id)).json().getString("verificationCode");
        assertThat(expect(200, api.get(null, "/verify/" + code)).json().getString("status"))
                .isEqualTo("AWAITING_SIGNATURES");

        expect(422, api.post(LEADER, "/certificates/" + id + "/revoke", "{\"reason\":\"  \"}"));
        JsonObject revoked = expect(200, api.post(LEADER, "/certificates/" + id + "/revoke",
                "{\"reason\":\"Duplicate record found by the registry office\"}")).json();
        assertThat(revoked.getString("status")).isEqualTo("REVOKED");
        expect(422, api.post(LEADER, "/certificates/" + id + "/revoke", "{\"reason\":\"again\"}"));
        expect(422, api.post(LEADER, "/certificates/" + id + "/signatures", signing(IIN_KEY.pkcs12(), PASSPHRASE)));

        Api.Reply verification = expect(200, api.get(null, "/verify/" + code));
        assertThat(verification.json().getString("status")).isEqualTo("REVOKED");
        assertThat(verification.json().getBoolean("valid")).isFalse();
        assertThat(verification.json().getJsonObject("revocation").getString("category")).isEqualTo("REVOKED_BY_ISSUER");
        assertThat(verification.json().getJsonObject("revocation").getString("date")).isNotBlank();
        assertThat(verification.body()).doesNotContain("registry office");
        assertThat(expect(200, api.page("/verify/" + code, "text/html", "es")).body())
                .contains("Certificado revocado", "fue revocado por el IIN").doesNotContain("registry office");
    }

    @Test
    void aCorrectionRevokesUnsignedCertificatesAndOnlyFlagsSignedOnes() {
        long unsigned = issue(501, "IT-CANCEL", "AR", "Pía", "Uno", "pia@example.org");
        long signed = issue(502, "IT-CANCEL", "AR", "Leo", "Dos", "leo@example.org");
        expect(200, api.post(LEADER, "/certificates/" + signed + "/signatures", signing(IIN_KEY.pkcs12(), PASSPHRASE)));
        expect(200, api.post(SIGN_AR, "/certificates/" + signed + "/signatures", signing(AR_KEY.pkcs12(), PASSPHRASE)));

        JsonObject revoked = expect(200, api.service(SERVICE_TOKEN, "/issuance/IT-CANCEL/501/cancel", "")).json();
        assertThat(revoked.getString("status")).isEqualTo("REVOKED");
        assertThat(expect(200, api.service(SERVICE_TOKEN, "/issuance/IT-CANCEL/501/cancel", "")).json())
                .isEqualTo(revoked);
        JsonObject detail = expect(200, api.get(LEADER, "/certificates/" + unsigned)).json();
        assertThat(detail.getJsonObject("revocation").getString("reason")).isEqualTo("No longer eligible (corrected result)");
        assertThat(detail.getJsonObject("revocation").getString("category")).isEqualTo("NO_LONGER_ELIGIBLE");

        JsonObject flagged = expect(200, api.service(SERVICE_TOKEN, "/issuance/IT-CANCEL/502/cancel", "")).json();
        assertThat(flagged.getString("status")).isIn("SIGNED", "DELIVERED");
        assertThat(flagged.getBoolean("revocationRequested")).isTrue();
        assertThat(expect(200, api.get(LEADER, "/certificates?edition=IT-CANCEL&revocationRequested=true")).array())
                .extracting(c -> c.asJsonObject().getJsonNumber("id").longValue()).containsExactly(signed);
        expect(403, api.delete(SIGN_AR, "/certificates/" + signed + "/revocation-request"));
        JsonObject kept = expect(200, api.delete(LEADER, "/certificates/" + signed + "/revocation-request")).json();
        assertThat(kept.getBoolean("revocationRequested")).isFalse();
        assertThat(kept.getString("status")).isNotEqualTo("REVOKED");
    }

    @Test
    void aReissueRevokesTheOldCertificateAndIssuesANewNumberAndCode() {
        long old = issue(601, "IT-REISSUE", "AR", "Jose", "Perz", "jose@example.org");
        JsonObject before = expect(200, api.get(LEADER, "/certificates/" + old)).json();

        expect(403, api.post(SIGN_AR, "/certificates/" + old + "/reissue", "{\"reason\":\"typo\"}"));
        JsonObject replacement = expect(201, api.post(LEADER, "/certificates/" + old + "/reissue",
                "{\"reason\":\"Name misspelt\",\"holder\":{\"firstName\":\"José\",\"lastName\":\"Pérez\"}}")).json();

        assertThat(replacement.getString("number")).isEqualTo("IT-REISSUE/AR/0002");
        assertThat(replacement.getString("verificationCode")).isNotEqualTo(before.getString("verificationCode"));
        assertThat(replacement.getJsonObject("holder").getString("name")).isEqualTo("José Pérez");
        assertThat(replacement.getJsonObject("holder").getString("email")).isEqualTo("jose@example.org");
        assertThat(replacement.getJsonNumber("replaces").longValue()).isEqualTo(old);
        JsonObject superseded = expect(200, api.get(LEADER, "/certificates/" + old)).json();
        assertThat(superseded.getString("status")).isEqualTo("REVOKED");
        assertThat(superseded.getJsonNumber("replacedBy").longValue())
                .isEqualTo(replacement.getJsonNumber("id").longValue());
        assertThat(expect(200, api.get(null, "/verify/" + before.getString("verificationCode"))).json()
                .getJsonObject("revocation").getString("category")).isEqualTo("SUPERSEDED");
        // The hand-off repeated now returns the live replacement, not the old one.
        assertThat(expect(200, api.service(SERVICE_TOKEN, "/issuance",
                handOff(601, "IT-REISSUE", "AR", "Jose", "Perz", "jose@example.org"))).json().getString("number"))
                .isEqualTo("IT-REISSUE/AR/0002");
    }

    @Test
    void theVerificationPageEscapesTheHoldersName() {
        long id = issue(701, "IT-XSS", "AR", "<script>alert(1)</script>", "<img src=x onerror=alert(2)>",
                "xss@example.org");
        String code = expect(200, api.get(LEADER, "/certificates/" + id)).json().getString("verificationCode");

        String html = expect(200, api.page("/verify/" + code, "text/html", "es-AR")).body();

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;")
                .doesNotContain("<script>", "<img");
    }

    @Test
    void unknownAndMalformedCodesGetTheSameAnswer() {
        List<Api.Reply> replies = List.of(
                api.get(null, "/verify/0000-0000-0000-0001"),
                api.get(null, "/verify/not-a-code"),
                api.get(null, "/verify/%3Cscript%3E"),
                api.page("/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ", "application/json", "es"),
                api.page("/verify/%20%3C%3E", "application/json", "es"));

        assertThat(replies).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.contentType()).isEqualTo(replies.get(0).contentType());
            assertThat(r.body()).isEqualTo(replies.get(0).body());
        });
        String unknown = expect(404, api.page("/verify/0000-0000-0000-0001", "text/html", "es")).body();
        String malformed = expect(404, api.page("/verify/%3Cb%3E", "text/html", "es")).body();
        assertThat(malformed).isEqualTo(unknown).contains("Certificado no encontrado").doesNotContain("<b>");
    }

    @Test
    void signInIsCheckedByCourseServiceAndRememberedBriefly() {
        expect(401, api.get(null, "/certificates"));
        Api.Reply wrong = expect(401, api.getAs(COORD_AR, "not-the-password", "/certificates"));
        assertThat(wrong.header("WWW-Authenticate")).startsWith("Basic");
        expect(401, api.getAs("nobody", TestEnvironment.PASSWORD, "/certificates"));

        expect(200, api.get(COORD_AR, "/certificates"));
        int asked = TestEnvironment.courseService().meCalls(COORD_AR);
        for (int i = 0; i < 3; i++) {
            expect(200, api.get(COORD_AR, "/certificates"));
        }
        assertThat(TestEnvironment.courseService().meCalls(COORD_AR)).isEqualTo(asked);
        // A wrong password is never answered from memory.
        expect(401, api.getAs(COORD_AR, "not-the-password", "/certificates"));
        assertThat(TestEnvironment.courseService().meCalls(COORD_AR)).isEqualTo(asked + 1);
    }

    /** Who may call an operation, for the authorization matrix. */
    private enum Guard {
        /** Anyone, signed in or not. */
        PUBLIC,
        /** Any signed-in person; a state-bound one is told only of their own state. */
        ANYONE_SIGNED_IN,
        /** The certificate's (or party's) own state and course-wide roles; another state's people get 403/404. */
        STATE_SCOPED,
        /** A list or archive filtered by state: asking for another state's is refused. */
        STATE_FILTERED,
        /** Signers sign only as their own party; a coordinator signs nothing. */
        SIGNERS,
        COURSE_LEADER,
        ADMIN_OR_LEADER,
        /** course-service with the services' token, never a person. */
        SERVICE_ONLY
    }

    /**
     * Every operation of the deployed OpenAPI document, anonymous, as another state's signatory and as a
     * coordinator, against a Uruguayan certificate: refused as its guard says, and the certificate unchanged. An
     * operation this table does not know fails the test, so a new endpoint cannot escape the matrix.
     */
    @Test
    void everyOperationInTheApiDocumentIsGuarded() {
        long uruguayan = issue(301, "IT-MATRIX", "UY", "Matías", "Matrix", "matias.matrix@example.org");
        String before = expect(200, api.get(LEADER, "/certificates/" + uruguayan)).body();
        java.util.Map<String, Guard> guards = java.util.Map.ofEntries(
                java.util.Map.entry("GET /certificates", Guard.STATE_FILTERED),
                java.util.Map.entry("GET /certificates/{id}", Guard.STATE_SCOPED),
                java.util.Map.entry("GET /certificates/{id}/pdf", Guard.STATE_SCOPED),
                java.util.Map.entry("PUT /certificates/{id}/pdf", Guard.STATE_SCOPED),
                java.util.Map.entry("POST /certificates/{id}/signatures", Guard.STATE_SCOPED),
                java.util.Map.entry("POST /certificates/signatures", Guard.SIGNERS),
                java.util.Map.entry("POST /certificates/{id}/revoke", Guard.COURSE_LEADER),
                java.util.Map.entry("POST /certificates/{id}/reissue", Guard.COURSE_LEADER),
                java.util.Map.entry("DELETE /certificates/{id}/revocation-request", Guard.COURSE_LEADER),
                java.util.Map.entry("GET /signatories", Guard.ANYONE_SIGNED_IN),
                java.util.Map.entry("GET /signatories/{party}", Guard.STATE_SCOPED),
                java.util.Map.entry("PUT /signatories/{party}", Guard.STATE_SCOPED),
                java.util.Map.entry("GET /signing-batches/{id}", Guard.STATE_SCOPED),
                java.util.Map.entry("GET /editions/{code}/certificates.zip", Guard.STATE_FILTERED),
                java.util.Map.entry("GET /audit", Guard.ADMIN_OR_LEADER),
                java.util.Map.entry("GET /outbox", Guard.ADMIN_OR_LEADER),
                java.util.Map.entry("POST /outbox/{id}/retry", Guard.ADMIN_OR_LEADER),
                java.util.Map.entry("POST /issuance", Guard.SERVICE_ONLY),
                java.util.Map.entry("POST /issuance/{editionCode}/{participantId}/cancel", Guard.SERVICE_ONLY),
                java.util.Map.entry("GET /verify/{code}", Guard.PUBLIC),
                java.util.Map.entry("GET /schema", Guard.PUBLIC));

        jakarta.json.JsonObject document = jakarta.json.Json.createReader(new java.io.StringReader(
                api.server("openapi?format=JSON").body())).readObject();
        List<String> operations = new ArrayList<>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().keySet().stream()
                .filter(m -> List.of("get", "post", "put", "patch", "delete").contains(m))
                .forEach(m -> operations.add(m.toUpperCase() + " " + path.replaceFirst("^/api/v1", ""))));
        assertThat(operations).as("operations in the API document").hasSizeGreaterThan(15);
        assertThat(guards.keySet()).as("every operation has a known guard").containsAll(operations);

        for (String operation : operations) {
            String method = operation.substring(0, operation.indexOf(' '));
            Guard guard = guards.get(operation);
            String path = operation.substring(operation.indexOf(' ') + 1)
                    .replace("{id}", String.valueOf(uruguayan)).replace("{party}", "UY").replace("{code}", "IT-MATRIX")
                    .replace("{editionCode}", "IT-MATRIX").replace("{participantId}", "301")
                    + (guard == Guard.STATE_FILTERED ? "?state=UY" : "");
            if (guard == Guard.PUBLIC) {
                assertThat(call(null, method, path).status()).as("anonymous " + operation).isNotIn(401, 403, 500);
                continue;
            }
            assertThat(call(null, method, path).status()).as("anonymous " + operation).isEqualTo(401);
            Api.Reply asOtherState = call(SIGN_AR, method, path);
            switch (guard) {
                case ANYONE_SIGNED_IN -> {
                    assertThat(asOtherState.status()).as(SIGN_AR + " " + operation).isEqualTo(200);
                    assertThat(asOtherState.body()).as(SIGN_AR + " " + operation).doesNotContain("\"UY\"");
                }
                case SIGNERS -> assertThat(call(COORD_AR, method, path).status()).as(COORD_AR + " " + operation)
                        .isEqualTo(403);
                // A person's credentials are not the service token: not even recognised there.
                case SERVICE_ONLY -> assertThat(asOtherState.status()).as(SIGN_AR + " " + operation).isEqualTo(401);
                default -> assertThat(asOtherState.status()).as(SIGN_AR + " " + operation + ": " + asOtherState)
                        .isIn(403, 404);
            }
            if (guard == Guard.COURSE_LEADER || guard == Guard.ADMIN_OR_LEADER || guard == Guard.SERVICE_ONLY) {
                assertThat(call(SIGN_UY, method, path).status()).as(SIGN_UY + " " + operation).isIn(401, 403, 404);
            }
        }
        assertThat(expect(200, api.get(LEADER, "/certificates/" + uruguayan)).body()).isEqualTo(before);
    }

    private Api.Reply call(String user, String method, String path) {
        return switch (method) {
            case "GET" -> api.get(user, path, path.endsWith("/pdf") ? "application/pdf"
                    : path.contains(".zip") ? "application/zip" : "application/json");
            case "POST" -> api.post(user, path, "{}");
            case "PUT" -> path.endsWith("/pdf") ? api.putPdf(user, path, "%PDF-1.7".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    : api.put(user, path, "{}");
            case "DELETE" -> api.delete(user, path);
            default -> throw new IllegalArgumentException(method);
        };
    }

    /** The pages sign in once at course-service; the session's token opens this service's API too. */
    @Test
    void aPageSignInSessionIsAcceptedAndAMadeUpOneIsNot() {
        String token = TestEnvironment.courseService().openSession(COORD_AR);
        Api.Reply listed = expect(200, api.withSession(token, "/certificates"));
        assertThat(listed.body()).isEqualTo(expect(200, api.get(COORD_AR, "/certificates")).body());

        Api.Reply refused = api.withSession("made-up-session-token", "/certificates");
        assertThat(refused.status()).isEqualTo(401);
        // Not a Basic challenge: that would make a browser pop up its own password dialog over the page.
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void signatoryRegistrationKeepsOnlyTheCertificate() {
        JsonObject iin = expect(200, api.get(ADMIN, "/signatories/iin")).json();
        assertThat(iin.getString("source")).isEqualTo("PKCS12");
        assertThat(iin.getString("subject")).contains("Ana Lucía Gonçalves");
        assertThat(iin.keySet()).doesNotContain("pkcs12", "passphrase", "privateKey");
        assertThat(expect(200, api.get(ADMIN, "/signatories/ar")).json().getString("source")).isEqualTo("CERTIFICATE");

        expect(422, api.put(ADMIN, "/signatories/PE", "{\"certificate\":\"not a certificate\"}"));
        expect(422, api.put(ADMIN, "/signatories/PE", "{}"));
        expect(422, api.put(ADMIN, "/signatories/PE", "{\"certificate\":\"x\",\"pkcs12\":\"y\",\"passphrase\":\"z\"}"));
        expect(422, api.put(ADMIN, "/signatories/XX", "{\"certificate\":\"x\"}"));
        expect(404, api.get(ADMIN, "/signatories/PE"));
    }

    @Test
    void healthOpenApiAndTheSchemaAreServed() throws IOException {
        assertThat(expect(200, api.server("health/ready")).body()).contains("UP");
        String openApi = expect(200, api.server("openapi")).body();
        assertThat(openApi).contains("/certificates/{id}/signatures", "/certificates/signatures", "/issuance",
                "/verify/{code}", "/signing-batches/{id}", "/editions/{code}/certificates.zip");
        assertThat(expect(200, api.get(null, "/schema")).json().getString("schemaVersion")).isEqualTo("1");
        String metrics = expect(200, api.server("metrics")).body();
        assertThat(metrics).containsPattern("csec_certificates_awaiting_signature\\S* \\d")
                .containsPattern("csec_certificate_outbox_pending\\S* \\d")
                .containsPattern("csec_certificate_outbox_failed\\S* \\d")
                .containsPattern("csec_certificate_api_requests_seconds\\S*quantile=\"0.99\"\\S* \\d");
        java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("project.build.directory", "target"),
                "metrics-sample.txt"), metrics);
    }

    /** Last: it spends this address's allowance of verifications. */
    @Test
    @Order(Integer.MAX_VALUE)
    void verificationIsRateLimitedPerClientAddress() {
        Api.Reply limited = null;
        for (int i = 0; i < 80 && limited == null; i++) {
            Api.Reply reply = api.get(null, "/verify/0000-0000-0000-0002");
            if (reply.status() == 429) {
                limited = reply;
            }
        }
        assertThat(limited).as("a 429 within 80 requests").isNotNull();
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 61L);
        assertThat(limited.contentType()).startsWith("application/problem+json");
    }

    // ---- helpers ----

    private long issue(long participantId, String edition, String state, String first, String last, String email) {
        return expect(201, api.service(SERVICE_TOKEN, "/issuance", handOff(participantId, edition, state, first, last,
                email))).json().getJsonNumber("certificateId").longValue();
    }

    private String status(long id) {
        return expect(200, api.get(LEADER, "/certificates/" + id)).json().getString("status");
    }

    private JsonObject runBatch(String user, TestCredentials key, String edition) {
        String body = "{\"pkcs12\":\"" + b64(key.pkcs12()) + "\",\"passphrase\":\"" + PASSPHRASE + "\",\"edition\":\""
                + edition + "\"}";
        Api.Reply started = expect(202, api.post(user, "/certificates/signatures", body));
        assertThat(started.header("Location")).contains("/api/v1/signing-batches/");
        int id = started.json().getInt("id");
        return await("batch " + id + " completed", Duration.ofSeconds(60), Duration.ofMillis(200)).until(() -> {
            JsonObject progress = expect(200, api.get(user, "/signing-batches/" + id)).json();
            assertThat(progress.getInt("done") + progress.getInt("failed"))
                    .isLessThanOrEqualTo(progress.getInt("total"));
            return progress;
        }, progress -> progress.getString("status").equals("COMPLETED"));
    }

    private void assertRefused(String path, byte[] upload, String outcome) {
        Api.Reply refused = expect(422, api.putPdf(SIGN_AR, path + "/pdf", upload));
        assertThat(refused.contentType()).startsWith("application/problem+json");
        if (outcome != null) {
            assertThat(refused.json().getJsonObject("verdict").getString("outcome")).isEqualTo(outcome);
        }
    }

    private static byte[] sign(byte[] pdf, String field, TestCredentials who) {
        try (SigningCredential credential = who.unlock()) {
            return new CertificateSigner().sign(pdf, field, credential, new SignerAppearance("Someone", "Title"));
        }
    }

    /** The prepared file with an incremental update that writes on the page: an edited document. */
    private static byte[] edited(byte[] pdf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)), new PdfWriter(out),
                new StampingProperties().useAppendMode())) {
            new PdfCanvas(document.getPage(1)).beginText().setFontAndSize(CertificateStyle.boldFont(), 40)
                    .moveText(300, 300).showText("120 -> 1200 horas").endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The prepared file opened and saved again, as a PDF editor would: the same content, other bytes. */
    private static byte[] resaved(byte[] pdf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)), new PdfWriter(out))) {
            document.getDocumentInfo().setAuthor("Re-saved");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static MimeMessage awaitMailTo(String address) {
        return await("e-mail to " + address, Duration.ofSeconds(60), Duration.ofMillis(200))
                .until(() -> Arrays.stream(TestEnvironment.mail().getReceivedMessages())
                        .filter(m -> recipient(m).equals(address)).findFirst().orElse(null), Objects::nonNull);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }

    private static byte[] pdfAttachment(MimeMessage message) throws Exception {
        MimeMultipart parts = (MimeMultipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            var part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                assertThat(part.getFileName()).endsWith(".pdf");
                assertThat(part.getContentType()).startsWith("application/pdf");
                return part.getInputStream().readAllBytes();
            }
        }
        throw new AssertionError("The e-mail has no PDF attached");
    }

    private static String pem(TestCredentials who) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(who.certificate().getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
