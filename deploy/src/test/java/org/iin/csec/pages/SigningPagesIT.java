package org.iin.csec.pages;

import org.iin.csec.runtime.ServicesProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iin.csec.chassis.testing.Awaiting.await;

/**
 * The signatories' page and the public verification page, on an edition of this class's own (two Argentinian
 * participants and one Uruguayan, each with an issued certificate): a state signatory sees only their state's
 * certificates, a wrong passphrase is refused next to its field, both parties sign through the page (one, and all
 * with the progress shown), and anyone can then check the certificate on the public page, on a phone, in Spanish
 * and English, from its address or by typing its code.
 */
@ExtendWith(RunningProduct.class)
class SigningPagesIT {

    private static final Json JSON = new Json();
    private static final String COURSE = "/course/api/v1";
    private static final String CERTIFICATES = "/certificates/api/v1";
    private static final String PASSPHRASE = "Firma-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);

    private static String suffix;
    private static String edition;
    private static Path iinKey;
    private static Path arKey;
    private static Map<String, Object> arFirst;
    private static Map<String, Object> arSecond;
    private static Map<String, Object> uyOnly;

    /** Throw-away signing credentials, registered for the IIN and Argentina, and the edition's three certificates. */
    @BeforeAll
    static void anEditionWithIssuedCertificates() throws IOException {
        suffix = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        edition = "SG-" + suffix;
        Path keys = Files.createDirectories(ServicesProcess.buildDirectory().resolve("signing-keys-" + suffix));
        iinKey = SigningKeys.make(keys.resolve("iin.p12"), "CN=Laura Leader " + suffix + ", O=IIN", PASSPHRASE);
        arKey = SigningKeys.make(keys.resolve("ar.p12"), "CN=Sofia Firmante " + suffix + ", O=Argentina", PASSPHRASE);
        SigningKeys.register("leader", "iin", iinKey, PASSPHRASE);
        SigningKeys.register("sign.ar", "AR", arKey, PASSPHRASE);

        long moodleCourse = ((Number) object(DemoApi.get("leader", COURSE + "/editions/2027-1"), 200)
                .get("moodleCourseId")).longValue();
        expect(201, DemoApi.post("leader", COURSE + "/editions", """
                {"code":"%s","title":"Curso de prueba de firmas %s","language":"es","moodleCourseId":%d,
                 "onlineStageStart":"2027-03-01","onlineStageEnd":"2027-05-31","courseHours":120}"""
                .formatted(edition, suffix, moodleCourse)));
        for (String state : List.of("AR", "UY")) {
            expect(200, DemoApi.call("leader", "PUT", COURSE + "/editions/" + edition + "/agreements/" + state, """
                    {"quota":5,"faceToFacePlan":{"startDate":"2027-06-14","endDate":"2027-06-18","city":"Ciudad",
                     "modality":"IN_PERSON","hours":30,"evaluationMethod":"Panel"},
                     "localCoordinator":{"name":"Coordinación","email":"coord@example.org"},
                     "signatory":{"name":"Firmante %s","title":"Titular","institution":"Instituto"}}""".formatted(state)));
        }
        moveTo("NOMINATIONS_OPEN");
        List<String[]> people = List.of(new String[]{"coord.ar", "AR", "Ana", "Acosta"},
                new String[]{"coord.ar", "AR", "Bruno", "Benítez"}, new String[]{"coord.uy", "UY", "Ulises", "Umpiérrez"});
        List<Long> ids = new ArrayList<>();
        for (String[] p : people) {
            long id = id(object(DemoApi.post(p[0], COURSE + "/editions/" + edition + "/agreements/" + p[1] + "/nominations",
                    """
                    {"firstName":"%s","lastName":"%s %s","email":"%s.%s@example.org","identityDocument":"%s%s"}"""
                    .formatted(p[2], p[3], suffix, p[2].toLowerCase(), suffix, suffix, ids.size())), 201));
            expect(200, DemoApi.post("leader", COURSE + "/editions/" + edition + "/participants/" + id + "/accept", null));
            ids.add(id);
        }
        moveTo("ONLINE_STAGE");
        for (long id : ids) {
            poll(() -> {
                DemoApi.post("leader", COURSE + "/editions/" + edition + "/moodle-sync", null);
                return "ENROLLED".equals(object(DemoApi.get("leader", participant(id)), 200).get("status"));
            });
            expect(200, DemoApi.completeCourseInMoodle(edition, id));
        }
        expect(200, DemoApi.post("leader", COURSE + "/editions/" + edition + "/moodle-sync", null));
        for (int i = 0; i < ids.size(); i++) {
            expect(200, DemoApi.call(people.get(i)[0], "PUT", participant(ids.get(i)) + "/face-to-face",
                    "{\"result\":\"PASSED\",\"score\":90}"));
        }
        poll(() -> certificates().size() == 3);
        List<Map<String, Object>> issued = certificates();
        arFirst = byHolder(issued, "Ana");
        arSecond = byHolder(issued, "Bruno");
        uyOnly = byHolder(issued, "Ulises");
    }

    @Test
    void aStateSignatorySeesOnlyTheirStateAndAWrongPassphraseIsRefusedNextToItsField() throws IOException {
        try (Browser browser = Browser.open()) {
            browser.signIn("sign.ar");
            browser.waitForText(By.cssSelector("#card-signing .sign-count"), "esperan su firma");
            browser.waitFor(By.cssSelector("#card-signing a[href='#/signing']")).click();
            new Select(browser.waitFor(By.cssSelector(".sign-filter select"))).selectByValue(edition);
            WebElement row = browser.waitFor(row(arSecond));
            String list = browser.waitFor(By.id("sign-list")).getText();
            assertThat(list).contains(holder(arFirst), holder(arSecond), "AR: falta")
                    .doesNotContain(holder(uyOnly), "Uruguay");
            assertThat(browser.all(By.cssSelector("#sign-list tbody tr"))).hasSize(2);
            browser.screenshot("signing-state-signatory");
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.script("arguments[0].scrollIntoView()", row);
            assertThat(fitsTheWidth(browser)).isTrue();
            browser.screenshot("signing-phone");
            browser.driver().manage().window().setSize(new Dimension(1280, 1000));

            // Registering the signing certificate through the page (the same one again): only its facts are kept.
            browser.waitFor(By.cssSelector(".sign-register summary")).click();
            WebElement register = browser.waitFor(By.cssSelector(".sign-register-form"));
            register.findElement(By.name("pkcs12")).sendKeys(arKey.toString());
            Browser.type(register.findElement(By.name("passphrase")), PASSPHRASE);
            register.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitForText(By.id("sign-registered-notice"), "Registrado: CN=Sofia Firmante " + suffix);
            assertThat(browser.waitFor(By.id("sign-registered")).getText()).contains("Huella SHA-256", "por sign.ar");

            // A wrong passphrase: said next to the passphrase field, which is emptied; nothing is signed.
            row = browser.waitFor(row(arSecond));
            row.findElement(By.cssSelector(".sign-one")).click();
            WebElement form = browser.waitFor(By.id("sign-form"));
            assertThat(form.getText()).contains(String.valueOf(arSecond.get("number")), holder(arSecond));
            form.findElement(By.name("pkcs12")).sendKeys(arKey.toString());
            WebElement passphrase = form.findElement(By.name("passphrase"));
            assertThat(passphrase.getAttribute("type")).isEqualTo("password");
            Browser.type(passphrase, "not-the-passphrase");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            WebElement error = browser.waitForText(By.id(passphrase.getAttribute("aria-describedby")),
                    "la contraseña no es correcta");
            assertThat(error.getText()).startsWith("No se pudo abrir el archivo de firma");
            assertThat(passphrase.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(passphrase.getAttribute("value")).isEmpty();
            browser.screenshot("signing-wrong-passphrase");
            form.findElement(By.xpath(".//button[normalize-space()='Cancelar']")).click();
            assertThat(signatures(certificate(arSecond))).doesNotContainKey("state");

            // The prepared PDF, downloaded to sign elsewhere, and uploaded unsigned: the server's verdict is shown.
            browser.waitFor(row(arSecond)).findElement(By.cssSelector(".download")).click();
            Path pdf = browser.downloads().resolve("certificado-" + String.valueOf(arSecond.get("number"))
                    .replaceAll("[^A-Za-z0-9-]+", "-") + ".pdf");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> Files.isRegularFile(pdf));
            assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes());
            browser.waitFor(row(arSecond)).findElement(By.cssSelector(".upload")).click();
            WebElement upload = browser.waitFor(By.id("sign-upload-form"));
            upload.findElement(By.name("pdf")).sendKeys(pdf.toString());
            upload.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitForText(By.cssSelector("#sign-upload-form .form-message"),
                    "No se aceptó el PDF: no tiene una firma nueva.");
            browser.screenshot("signing-upload-refused");
            assertThat(certificate(arSecond).get("awaitingSignatures").toString()).contains("STATE");
        }
    }

    @Test
    void theLeaderSignsAllAsTheIinArgentinaSignsOneAndThePublicPageShowsItValid() {
        try (Browser leader = Browser.open()) {
            leader.signIn("leader");
            leader.page("signing");
            new Select(leader.waitFor(By.cssSelector(".sign-filter select"))).selectByValue(edition);
            leader.waitFor(row(uyOnly));
            assertThat(leader.all(By.cssSelector("#sign-list tbody tr"))).hasSize(3);
            assertThat(leader.waitFor(By.id("sign-list")).getText()).contains(holder(uyOnly), "IIN: falta");

            // The preview: the current PDF in a frame, from the browser's own copy (a blob: address).
            leader.waitFor(row(arFirst)).findElement(By.cssSelector(".preview")).click();
            WebElement frame = leader.waitFor(By.cssSelector("#sign-preview[open] iframe"));
            assertThat(frame.getAttribute("src")).startsWith("blob:");
            leader.screenshot("signing-preview");
            leader.waitFor(By.cssSelector("#sign-preview .sign-close")).click();

            leader.waitFor(By.id("sign-all")).click();
            WebElement form = leader.waitFor(By.id("sign-form"));
            assertThat(form.getText()).contains("Firmar 3 certificado(s)", "edición " + edition);
            form.findElement(By.name("pkcs12")).sendKeys(iinKey.toString());
            Browser.type(form.findElement(By.name("passphrase")), PASSPHRASE);
            form.findElement(By.cssSelector("button[type=submit]")).click();
            WebElement bar = leader.waitFor(By.id("sign-progress-bar"));
            leader.screenshot("signing-progress");
            leader.waitForText(By.id("sign-progress-summary"), "Terminado: se firmaron 3 certificado(s).");
            assertThat(bar.getAttribute("value")).isEqualTo(bar.getAttribute("max")).isEqualTo("3");
            assertThat(leader.waitFor(By.id("sign-progress-status")).getText()).contains("Firmados 3 de 3");
            leader.waitForText(By.id("sign-list"), "Ningún certificado espera su firma");
            leader.screenshot("signing-progress-done");
        }
        assertThat(certificate(arFirst).get("awaitingSignatures").toString()).doesNotContain("IIN").contains("STATE");

        try (Browser argentina = Browser.open()) {
            argentina.signIn("sign.ar");
            argentina.page("signing?edition=" + edition);
            argentina.waitFor(row(arFirst)).findElement(By.cssSelector(".sign-one")).click();
            WebElement form = argentina.waitFor(By.id("sign-form"));
            form.findElement(By.name("pkcs12")).sendKeys(arKey.toString());
            Browser.type(form.findElement(By.name("passphrase")), PASSPHRASE);
            form.findElement(By.cssSelector("button[type=submit]")).click();
            argentina.waitForText(By.id("sign-notice"), "Ya tiene las dos firmas: es válido.");
            assertThat(argentina.all(row(arFirst))).isEmpty();
            argentina.screenshot("signing-signed-both");
        }
        Map<String, Object> signed = certificate(arFirst);
        assertThat(signed.get("status")).isEqualTo("SIGNED");
        assertThat(signatures(signed)).containsKeys("iin", "state");

        try (Browser anyone = Browser.open()) {
            anyone.address("/certificates/verify/" + signed.get("verificationCode"));
            assertThat(anyone.waitFor(By.cssSelector(".status.ok")).getText()).isEqualTo("Certificado válido");
            assertThat(anyone.driver().findElement(By.tagName("body")).getText())
                    .contains(holder(arFirst), String.valueOf(arFirst.get("number")), "Argentina");
            assertThat(anyone.all(By.cssSelector("ul.signatures li .ok-text")))
                    .hasSize(2).allSatisfy(s -> assertThat(s.getText()).startsWith("Firma íntegra"));
            anyone.screenshot("verification-desktop-es");

            anyone.driver().manage().window().setSize(new Dimension(390, 844));
            assertThat(fitsTheWidth(anyone)).isTrue();
            anyone.screenshot("verification-phone-es");
            anyone.script("document.querySelector('ul.signatures').scrollIntoView()");
            anyone.screenshot("verification-phone-es-signatures");
            anyone.waitFor(By.cssSelector("nav.languages a[lang=en]")).click();
            assertThat(anyone.waitFor(By.cssSelector(".status.ok")).getText()).isEqualTo("Valid certificate");
            assertThat(anyone.script("return document.documentElement.lang")).isEqualTo("en");
            assertThat(anyone.all(By.cssSelector("ul.signatures li .ok-text")))
                    .hasSize(2).allSatisfy(s -> assertThat(s.getText()).startsWith("Signature intact"));
            assertThat(fitsTheWidth(anyone)).isTrue();
            anyone.screenshot("verification-phone-en");
        }
    }

    @Test
    void aCodeReadOnPaperCanBeTypedOnThePublicPage() {
        try (Browser anyone = Browser.open()) {
            anyone.driver().manage().window().setSize(new Dimension(390, 844));
            anyone.address("/certificates/verify/");
            WebElement code = anyone.waitFor(By.id("code"));
            assertThat(anyone.driver().findElement(By.cssSelector("label[for=code]")).getText())
                    .isEqualTo("Código de verificación");
            Browser.type(code, "<b>no</b>");
            code.submit();
            anyone.waitForText(By.id("code-error"), "Esto no es un código de verificación");
            assertThat(anyone.waitFor(By.id("code")).getAttribute("value")).isEmpty();
            assertThat(anyone.driver().getPageSource()).doesNotContain("<b>no</b>");
            anyone.screenshot("verification-type-a-code");

            // As a person may type it from paper: lower case, spaces for hyphens.
            String printed = String.valueOf(arSecond.get("verificationCode"));
            Browser.type(anyone.waitFor(By.id("code")), " " + printed.toLowerCase().replace('-', ' ') + " ");
            anyone.waitFor(By.id("code")).submit();
            anyone.waitForText(By.tagName("main"), holder(arSecond));
            assertThat(anyone.driver().getCurrentUrl()).endsWith("/certificates/verify/" + printed + "?lang=es");
            assertThat(fitsTheWidth(anyone)).isTrue();
            anyone.waitFor(By.linkText("Verificar otro certificado")).click();
            anyone.waitFor(By.id("code"));
        }
    }

    // ---- Helpers ----------------------------------------------------------------------------------------------

    private static By row(Map<String, Object> certificate) {
        return By.cssSelector("#sign-list tr[data-certificate='" + id(certificate) + "']");
    }

    /** The signatures present, by party ("iin", "state"). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> signatures(Map<String, Object> certificate) {
        return (Map<String, Object>) certificate.get("signatures");
    }

    private static String holder(Map<String, Object> certificate) {
        return String.valueOf(((Map<?, ?>) certificate.get("holder")).get("name"));
    }

    /** Nothing sticks out sideways: the page reads on a phone without scrolling left and right. */
    private static boolean fitsTheWidth(Browser browser) {
        return (Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth");
    }

    private static Map<String, Object> certificate(Map<String, Object> certificate) {
        return object(DemoApi.get("leader", CERTIFICATES + "/certificates/" + id(certificate)), 200);
    }

    private static List<Map<String, Object>> certificates() {
        DemoApi.Answer answer = expect(200, DemoApi.get("leader", CERTIFICATES + "/certificates?edition=" + edition));
        return JSON.toType(answer.body(), Json.LIST_OF_MAPS_TYPE);
    }

    private static Map<String, Object> byHolder(List<Map<String, Object>> certificates, String firstName) {
        return certificates.stream()
                .filter(c -> firstName.equals(((Map<?, ?>) c.get("holder")).get("firstName")))
                .findFirst().orElseThrow();
    }

    private static String participant(long id) {
        return COURSE + "/editions/" + edition + "/participants/" + id;
    }

    private static void moveTo(String status) {
        expect(200, DemoApi.call("leader", "PATCH", COURSE + "/editions/" + edition, "{\"status\":\"" + status + "\"}"));
    }

    private static DemoApi.Answer expect(int status, DemoApi.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        return answer;
    }

    private static Map<String, Object> object(DemoApi.Answer answer, int status) {
        return JSON.toType(expect(status, answer).body(), Json.MAP_TYPE);
    }

    private static long id(Map<String, Object> object) {
        return ((Number) object.get("id")).longValue();
    }

    /** Waits (up to 30 s) until the condition holds: the background steps take a few seconds. */
    private static void poll(java.util.function.BooleanSupplier condition) {
        await("the background steps to be done", Duration.ofSeconds(30), Duration.ofMillis(300))
                .until(condition::getAsBoolean);
    }
}
