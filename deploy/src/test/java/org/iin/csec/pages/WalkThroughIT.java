package org.iin.csec.pages;

import org.iin.csec.runtime.ServicesProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iin.csec.chassis.testing.Awaiting.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One new edition walked through the pages from start to end, as the people who use them would: Argentina's
 * coordinator nominates one person and imports two more from a CSV file; the course leader accepts all three at
 * once, starts the online stage and syncs Moodle; the state records the face-to-face results; the leader signs the
 * certificate as the IIN and Argentina's signatory as the state; anyone verifies it on the public page. Uruguay's
 * coordinator and signatory see none of Argentina's people. The first person is named {@code <script>alert(1)</script>}:
 * on every page that shows the name it is text, never a script.
 * <p>
 * Only what has no page (or would be long, or happens outside the product) is done through the API: creating the
 * edition with its agreements, registering the signing certificates, and the learners finishing the online stage in
 * the emulated Moodle.
 */
@ExtendWith(RunningProduct.class)
class WalkThroughIT {

    private static final Json JSON = new Json();
    private static final String COURSE = "/course/api/v1";
    private static final String CERTIFICATES = "/certificates/api/v1";
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Background work (the Moodle outbox, issuing certificates) runs every few seconds in the demo. */
    private static final Duration BACKGROUND = Duration.ofSeconds(45);

    private static final String RUN = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
    private static final String EDITION = "WK-" + RUN;
    private static final String PASSPHRASE = "Paseo-" + RUN;

    private static final String XSS = "<script>alert(1)</script>";
    private static final String XSS_LAST = "Walker" + RUN;
    private static final String XSS_EMAIL = "walker." + RUN + "@example.org";
    /** The two in the CSV file: the first passes, the second fails the face-to-face stage. */
    private static final String PASSES = "Paula Paz" + RUN;
    private static final String PASSES_EMAIL = "paula.paz." + RUN + "@example.org";
    private static final String FAILS = "Fermín Funes" + RUN;
    private static final String FAILS_EMAIL = "fermin.funes." + RUN + "@example.org";

    @Test
    void oneEditionFromNominationToAVerifiedCertificateAndUruguaySeesNoneOfIt() {
        Path keys = setUpTheEditionAndTheSigningCertificates();
        try (Browser coordinator = Browser.open(); Browser leader = Browser.open()) {
            Map<String, Long> ids = argentinaNominatesOneAndImportsTwo(coordinator);
            theLeaderAcceptsAllThreeAtOnceAndStartsTheOnlineStage(leader, ids);
            theLearnersFinishOnlineAndTheSyncBringsItToTheCoordinator(leader, coordinator, ids);
            argentinaRecordsTheFaceToFaceResults(coordinator, ids);
            Map<String, Object> certificate = theLeaderSignsAsTheIin(leader, keys.resolve("iin.p12"));
            certificate = argentinaSigns(certificate, keys.resolve("ar.p12"));
            anyoneVerifiesIt(certificate);
        }
        uruguaySeesNoneOfArgentinasData();
    }

    // ---- 1. set-up through the API: the edition, its agreements, the signing certificates -------------------

    private static Path setUpTheEditionAndTheSigningCertificates() {
        Path keys = directory("walk-keys-" + RUN);
        SigningKeys.register("leader", "iin",
                SigningKeys.make(keys.resolve("iin.p12"), "CN=Laura Leader " + RUN + ", O=IIN", PASSPHRASE), PASSPHRASE);
        SigningKeys.register("sign.ar", "AR",
                SigningKeys.make(keys.resolve("ar.p12"), "CN=Sofia Firmante " + RUN + ", O=Argentina", PASSPHRASE),
                PASSPHRASE);

        // The demo edition is linked to the emulated Moodle's course: this one uses the same course.
        Map<String, Object> demo = object(DemoApi.get("leader", COURSE + "/editions/2027-1"), 200);
        expect(201, DemoApi.post("leader", COURSE + "/editions", """
                {"code":"%s","title":"Paseo de prueba %s","language":"es","moodleCourseId":%s,
                 "onlineStageStart":"2030-03-01","onlineStageEnd":"2030-05-31","courseHours":120}"""
                .formatted(EDITION, RUN, demo.get("moodleCourseId"))));
        // Uruguay has an agreement of its own (2 seats), so its coordinator's card has numbers that are not Argentina's.
        agreement("AR", 5, "Buenos Aires");
        agreement("UY", 2, "Montevideo");
        // Creating an edition does not take the face-to-face activity (POST ignores it): it is linked by a change.
        expect(200, DemoApi.call("leader", "PATCH", COURSE + "/editions/" + EDITION, """
                {"moodleFaceToFaceActivityId":%s,"status":"NOMINATIONS_OPEN"}"""
                .formatted(demo.get("moodleFaceToFaceActivityId"))));
        return keys;
    }

    // ---- 2. Argentina's coordinator nominates -------------------------------------------------------------

    private static Map<String, Long> argentinaNominatesOneAndImportsTwo(Browser browser) {
        signIn(browser, "coord.ar");
        browser.waitFor(By.cssSelector("a[href='#/editions/" + EDITION + "/states/AR']")).click();

        WebElement form = browser.waitFor(By.id("nominate-form"));
        Browser.type(form.findElement(By.name("firstName")), XSS);
        Browser.type(form.findElement(By.name("lastName")), XSS_LAST);
        Browser.type(form.findElement(By.name("email")), XSS_EMAIL);
        Browser.type(form.findElement(By.name("institution")), "Consejo <b>Federal</b>");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitForText(By.cssSelector("#nominate-form .form-message"), XSS + " " + XSS_LAST + " fue propuesto/a y ocupa un lugar");

        // The CSV file: checked first (nothing saved), then saved.
        WebElement upload = browser.waitFor(By.id("import-form"));
        String[] passes = PASSES.split(" ");
        String[] fails = FAILS.split(" ");
        upload.findElement(By.name("file")).sendKeys(file("nominations.csv", "first_name,last_name,email,institution\n"
                + passes[0] + "," + passes[1] + "," + PASSES_EMAIL + ",Ministerio de Desarrollo Social\n"
                + fails[0] + "," + fails[1] + "," + FAILS_EMAIL + ",SENAF\n").toString());
        upload.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement save = browser.waitFor(By.id("import-save"));
        assertThat(save.getText()).isEqualTo("Guardar estas 2 postulaciones");
        assertThat(browser.waitFor(By.id("import-report")).getText())
                .contains("Todavía no se guardó nada", PASSES_EMAIL, FAILS_EMAIL);
        assertThat(roster("coord.ar")).doesNotContain(PASSES_EMAIL);
        browser.screenshot("walk-2a-coordinator-csv-preview");
        save.click();
        browser.waitForText(By.id("import-saved"), "Guardado: 2 postulaciones; 2 ocupan un lugar");

        // Everyone in the roster, the first one's name as typed: text, not markup.
        browser.waitForText(By.id("roster"), PASSES);
        String roster = browser.waitFor(By.id("roster")).getText();
        assertThat(roster).contains(XSS + " " + XSS_LAST, "Consejo <b>Federal</b>", PASSES, FAILS);
        assertThat(seats(browser, "held")).isEqualTo(3);
        assertThat(seats(browser, "free")).isEqualTo(2);
        assertNothingRuns(browser);
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot("walk-2b-coordinator-roster");

        Map<String, Long> ids = Map.of(
                XSS_EMAIL, idOf(browser, XSS_EMAIL), PASSES_EMAIL, idOf(browser, PASSES_EMAIL), FAILS_EMAIL, idOf(browser, FAILS_EMAIL));
        // What the page shows is what was saved.
        assertThat(roster("coord.ar")).contains(XSS_EMAIL, PASSES_EMAIL, FAILS_EMAIL);
        return ids;
    }

    // ---- 3. the course leader accepts and starts the online stage ------------------------------------------

    private static void theLeaderAcceptsAllThreeAtOnceAndStartsTheOnlineStage(Browser browser, Map<String, Long> ids) {
        browser.signIn("leader");
        browser.waitFor(By.cssSelector(".leader-edition-card[data-edition='" + EDITION + "'] a")).click();
        browser.waitForText(By.tagName("h1"), "Edición " + EDITION);
        for (String email : ids.keySet()) {
            waitForStatus(browser, email, "Postulado");
        }
        assertThat(participantRow(browser, XSS_EMAIL).getText()).contains(XSS + " " + XSS_LAST);
        assertNothingRuns(browser);

        // All three at once: "select all", then "accept the selected".
        browser.waitFor(By.id("select-all")).click();
        browser.waitForText(By.id("selected-count"), "3 seleccionado(s)");
        browser.waitFor(By.id("accept-selected")).click();
        String summary = browser.waitFor(By.id("selection-summary")).getText();
        assertThat(summary).contains("Aceptados: 3 de 3.").doesNotContain("No se pudo");
        // The edition has a Moodle course, so the outbox may enrol someone (every 2 s in the demo) before the
        // table is drawn again: accepted, or already enrolled.
        for (String email : ids.keySet()) {
            waitForStatus(browser, email, "Aceptado", "Matriculado");
        }
        browser.script("arguments[0].scrollIntoView()", browser.waitFor(By.id("h-participants")));
        browser.screenshot("walk-3a-leader-accepted");

        browser.waitFor(By.id("next-status")).click();
        browser.waitForText(By.id("confirm-question"), "«Postulaciones abiertas» a «Etapa en línea»");
        browser.waitFor(By.id("confirm-yes")).click();
        browser.waitForText(By.id("edition-status"), "Etapa en línea");
        assertThat(object(DemoApi.get("leader", COURSE + "/editions/" + EDITION), 200).get("status")).isEqualTo("ONLINE_STAGE");
        browser.screenshot("walk-3b-leader-online-stage");
    }

    // ---- 4. the learners finish the online stage in (emulated) Moodle; the sync brings it back ----------------

    private static void theLearnersFinishOnlineAndTheSyncBringsItToTheCoordinator(Browser leader, Browser coordinator,
                                                                                Map<String, Long> ids) {
        // "Sync now" enrols them in Moodle (the scheduler may do it first): the page shows them enrolled.
        until(leader, BACKGROUND, d -> {
            pressSyncNow(d);
            return ids.keySet().stream().allMatch(email -> statusOf(d, email).equals("Matriculado"));
        });
        for (long id : ids.values()) {
            expect(200, DemoApi.completeCourseInMoodle(EDITION, id));
        }
        // Pressed once more, the sync reads the completions back.
        leader.waitFor(By.id("sync-now")).click();
        leader.waitForText(By.id("sync-result"), "Sincronización hecha.");
        until(leader, BACKGROUND, d -> {
            if (!ids.keySet().stream().allMatch(email -> rowText(d, email).contains("Completada"))) {
                pressSyncNow(d);
                return false;
            }
            return true;
        });
        assertThat(leader.all(By.cssSelector("#part-moodle tr.problem"))).isEmpty();
        leader.script("arguments[0].scrollIntoView()", leader.waitFor(By.id("h-participants")));
        leader.screenshot("walk-4a-leader-synced");

        // The coordinator's roster shows it too, once the page is read again.
        until(coordinator, WAIT, d -> {
            d.navigate().refresh();
            coordinator.waitFor(By.id("roster"));
            return ids.values().stream().allMatch(id -> {
                List<WebElement> row = d.findElements(By.id("participant-" + id));
                return !row.isEmpty() && row.get(0).getText().contains("Completada");
            });
        });
        assertThat(coordinator.waitFor(By.id("participant-" + ids.get(XSS_EMAIL))).getText())
                .contains("Matriculado", "Completada", "Pendiente");
        coordinator.script("arguments[0].scrollIntoView()", coordinator.waitFor(By.id("roster-heading")));
        coordinator.screenshot("walk-4b-coordinator-online-completed");
    }

    // ---- 5. Argentina records the face-to-face results ------------------------------------------------------

    private static void argentinaRecordsTheFaceToFaceResults(Browser browser, Map<String, Long> ids) {
        record(browser, ids.get(XSS_EMAIL), XSS + " " + XSS_LAST, "PASSED", "95", "Aprobada");
        record(browser, ids.get(PASSES_EMAIL), PASSES, "PASSED", "88.5", "Aprobada");
        record(browser, ids.get(FAILS_EMAIL), FAILS, "FAILED", "40", "No aprobada");
        assertThat(browser.waitFor(By.id("f2f-progress")).getText()).isEqualTo("Resultados registrados: 3 de 3.");
        assertThat(browser.waitFor(By.id("participant-" + ids.get(XSS_EMAIL))).getText()).contains("Aprobada", "95");
        assertThat(browser.waitFor(By.id("participant-" + ids.get(FAILS_EMAIL))).getText()).contains("No aprobada", "40");
        assertNothingRuns(browser);
        browser.script("arguments[0].scrollIntoView()", browser.waitFor(By.id("roster-heading")));
        browser.screenshot("walk-5-coordinator-results");
        // The passes are marked in Moodle's face-to-face activity too: the sync has nothing failed to show.
        Map<String, Object> sync = object(DemoApi.post("leader", COURSE + "/editions/" + EDITION + "/moodle-sync", null), 200);
        assertThat((List<?>) sync.get("failures")).isEmpty();
    }

    private static void record(Browser browser, long id, String name, String result, String score, String shown) {
        browser.waitFor(By.cssSelector("#participant-" + id + " .coord-record")).click();
        WebElement dialog = browser.waitFor(By.id("result-dialog"));
        assertThat(dialog.getText()).contains("Resultado presencial de " + name);
        new Select(dialog.findElement(By.name("result"))).selectByValue(result);
        Browser.type(dialog.findElement(By.name("score")), score);
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitForText(By.id("coord-notice"), "Resultado de " + name + " guardado: " + shown + ".");
    }

    // ---- 6. the certificate is issued; the IIN and Argentina sign it -----------------------------------------

    private static Map<String, Object> theLeaderSignsAsTheIin(Browser browser, Path key) {
        // Issuing happens in certificate-service, in the background: the two who passed get one, the other none.
        poll(() -> certificates().stream().filter(c -> "ISSUED".equals(c.get("status"))).count() == 2);
        List<Map<String, Object>> issued = certificates();
        assertThat(issued).hasSize(2);
        Map<String, Object> xss = byHolder(issued, XSS + " " + XSS_LAST);
        Map<String, Object> other = byHolder(issued, PASSES);
        assertThat(issued).noneMatch(c -> holder(c).contains(FAILS));

        browser.page("signing?edition=" + EDITION);
        WebElement row = browser.waitFor(row(xss));
        assertThat(row.getText()).contains(holder(xss), "Argentina (AR)", "IIN: falta", "AR: falta");
        browser.waitFor(row(other));
        assertNothingRuns(browser);
        browser.screenshot("walk-6a-leader-signing-list");

        row.findElement(By.cssSelector(".sign-one")).click();
        WebElement form = browser.waitFor(By.id("sign-form"));
        assertThat(form.getText()).contains(String.valueOf(xss.get("number")), holder(xss));
        form.findElement(By.name("pkcs12")).sendKeys(key.toString());
        Browser.type(form.findElement(By.name("passphrase")), PASSPHRASE);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        String notice = browser.waitForText(By.id("sign-notice"), "Falta la firma de la otra parte.").getText();
        assertThat(notice).contains(String.valueOf(xss.get("number")), holder(xss));
        // Signed by the IIN, it leaves the leader's list; the other certificate still waits.
        assertThat(browser.all(row(xss))).isEmpty();
        assertThat(browser.all(row(other))).hasSize(1);
        browser.screenshot("walk-6b-leader-signed");

        Map<String, Object> signed = certificate(xss);
        assertThat(signatures(signed)).containsKey("iin").doesNotContainKey("state");
        return signed;
    }

    private static Map<String, Object> argentinaSigns(Map<String, Object> certificate, Path key) {
        try (Browser browser = Browser.open()) {
            browser.signIn("sign.ar");
            browser.page("signing?edition=" + EDITION);
            WebElement row = browser.waitFor(row(certificate));
            assertThat(row.getText()).contains(holder(certificate), "IIN: firmado", "AR: falta");
            assertNothingRuns(browser);
            row.findElement(By.cssSelector(".sign-one")).click();
            WebElement form = browser.waitFor(By.id("sign-form"));
            form.findElement(By.name("pkcs12")).sendKeys(key.toString());
            Browser.type(form.findElement(By.name("passphrase")), PASSPHRASE);
            form.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitForText(By.id("sign-notice"), "Ya tiene las dos firmas: es válido.");
            assertThat(browser.all(row(certificate))).isEmpty();
            browser.screenshot("walk-6c-argentina-signed");
        }
        Map<String, Object> signed = certificate(certificate);
        assertThat(signed.get("status")).isEqualTo("SIGNED");
        assertThat(signatures(signed)).containsKeys("iin", "state");
        return signed;
    }

    // ---- 7. the public page, without signing in ---------------------------------------------------------------

    private static void anyoneVerifiesIt(Map<String, Object> certificate) {
        try (Browser anyone = Browser.open()) {
            anyone.address("/certificates/verify/" + certificate.get("verificationCode"));
            assertThat(anyone.waitFor(By.cssSelector(".status.ok")).getText()).isEqualTo("Certificado válido");
            String page = anyone.driver().findElement(By.tagName("body")).getText();
            assertThat(page).contains(XSS + " " + XSS_LAST, String.valueOf(certificate.get("number")), EDITION, "Argentina");
            assertThat(anyone.all(By.cssSelector("ul.signatures li .ok-text")))
                    .hasSize(2).allSatisfy(s -> assertThat(s.getText()).startsWith("Firma íntegra"));
            assertThat(anyone.script("return document.querySelectorAll('script, img').length")).isEqualTo(0L);
            assertThatThrownBy(() -> anyone.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
            anyone.screenshot("walk-7-public-verification");
        }
    }

    // ---- 8. Uruguay sees none of it -----------------------------------------------------------------------

    private static void uruguaySeesNoneOfArgentinasData() {
        List<String> argentinas = List.of(XSS_LAST, PASSES, FAILS, XSS_EMAIL, PASSES_EMAIL, FAILS_EMAIL);
        try (Browser browser = Browser.open()) {
            signIn(browser, "coord.uy");
            // The edition's card on their home shows Uruguay's seats (0 of 2), not Argentina's (3 of 5).
            WebElement card = browser.waitFor(By.cssSelector(".coord-card[data-edition='" + EDITION + "']"));
            assertThat(card.getText()).contains("0 de 2 lugares ocupados").doesNotContain("3 de 5");
            assertThat(browser.mainText()).doesNotContain(argentinas);
            browser.script("arguments[0].scrollIntoView()", card);
            browser.screenshot("walk-8a-uruguay-home");

            browser.page("editions/" + EDITION + "/states/AR");
            assertThat(browser.waitFor(By.id("coord-refused")).getText()).contains("otro estado");
            assertThat(browser.mainText()).doesNotContain(argentinas);
            assertThat(browser.all(By.cssSelector("#view table, #view form"))).isEmpty();
            browser.screenshot("walk-8b-uruguay-refused");
        }
        assertThat(DemoApi.get("coord.uy", COURSE + "/editions/" + EDITION + "/agreements/AR/nominations").status())
                .isEqualTo(403);

        // Argentina's second certificate still awaits both signatures; Uruguay's signatory is not offered it.
        Map<String, Object> waiting = byHolder(certificates(), PASSES);
        assertThat(waiting.get("status")).isEqualTo("ISSUED");
        try (Browser browser = Browser.open()) {
            browser.signIn("sign.uy");
            browser.page("signing");
            browser.script("arguments[0].scrollIntoView()", browser.waitFor(By.id("sign-list")));
            assertThat(browser.all(row(waiting))).isEmpty();
            assertThat(browser.mainText()).doesNotContain(PASSES, XSS_LAST);
            browser.screenshot("walk-8c-uruguay-signing");
        }
        // Not only the page: the API does not hand it to Uruguay's signatory either.
        assertThat(DemoApi.get("sign.uy", CERTIFICATES + "/certificates?status=ISSUED").body())
                .doesNotContain(String.valueOf(waiting.get("number")), PASSES);
        assertThat(DemoApi.get("sign.uy", CERTIFICATES + "/certificates/" + id(waiting)).status()).isIn(403, 404);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /** Signs in and waits for the home page's cards, so that the next page opened is not replaced by it. */
    private static void signIn(Browser browser, String user) {
        browser.signIn(user);
        browser.waitForText(By.tagName("h1"), "Le damos la bienvenida");
    }

    /** The name was shown as text: no element was made of it, and no alert came up. */
    private static void assertNothingRuns(Browser browser) {
        assertThat(browser.script("return document.querySelectorAll('#view script, #view img, #view b').length")).isEqualTo(0L);
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    private static int seats(Browser browser, String which) {
        return Integer.parseInt(browser.waitFor(By.cssSelector("#seats-" + which + " strong")).getText().trim());
    }

    /** A participant's id, from their row in the coordinator's roster. */
    private static long idOf(Browser browser, String email) {
        WebElement row = browser.waitFor(By.xpath("//div[@id='roster']//tr[contains(., '" + email + "')]"));
        return Long.parseLong(row.getAttribute("data-participant"));
    }

    private static WebElement participantRow(Browser browser, String email) {
        return browser.waitFor(By.cssSelector("#part-participants tr[data-email='" + email + "']"));
    }

    private static String rowText(WebDriver driver, String email) {
        List<WebElement> found = driver.findElements(By.cssSelector("#part-participants tr[data-email='" + email + "']"));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    private static String statusOf(WebDriver driver, String email) {
        List<WebElement> found = driver.findElements(By.cssSelector("#part-participants tr[data-email='" + email + "'] .status"));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    private static void waitForStatus(Browser browser, String email, String... anyOf) {
        until(browser, WAIT, d -> List.of(anyOf).contains(statusOf(d, email)));
    }

    /** Presses the leader's "sync now" unless a sync is already running (the button is disabled meanwhile). */
    private static void pressSyncNow(WebDriver driver) {
        WebElement sync = driver.findElement(By.id("sync-now"));
        if (sync.isEnabled()) {
            sync.click();
        }
    }

    /** Waits for a condition; the pages redraw their tables after each change, so an element seen may be replaced. */
    private static void until(Browser browser, Duration timeout, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser.driver(), timeout).pollingEvery(Duration.ofMillis(500))
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Waits until the condition holds, for background work seen only through the API. */
    private static void poll(Supplier<Boolean> condition) {
        await("the background work to be done", BACKGROUND, Duration.ofMillis(300)).until(condition::get);
    }

    private static By row(Map<String, Object> certificate) {
        return By.cssSelector("#sign-list tr[data-certificate='" + id(certificate) + "']");
    }

    private static List<Map<String, Object>> certificates() {
        return JSON.toType(expect(200, DemoApi.get("leader", CERTIFICATES + "/certificates?edition=" + EDITION)).body(),
                Json.LIST_OF_MAPS_TYPE);
    }

    private static Map<String, Object> certificate(Map<String, Object> certificate) {
        return object(DemoApi.get("leader", CERTIFICATES + "/certificates/" + id(certificate)), 200);
    }

    private static Map<String, Object> byHolder(List<Map<String, Object>> certificates, String name) {
        Optional<Map<String, Object>> found = certificates.stream().filter(c -> holder(c).contains(name)).findFirst();
        assertThat(found).as("a certificate for " + name + " in " + certificates).isPresent();
        return found.get();
    }

    private static String holder(Map<String, Object> certificate) {
        return String.valueOf(((Map<?, ?>) certificate.get("holder")).get("name"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> signatures(Map<String, Object> certificate) {
        return (Map<String, Object>) certificate.get("signatures");
    }

    private static String roster(String user) {
        return expect(200, DemoApi.get(user, COURSE + "/editions/" + EDITION + "/agreements/AR/nominations")).body();
    }

    private static void agreement(String state, int quota, String city) {
        expect(200, DemoApi.call("leader", "PUT", COURSE + "/editions/" + EDITION + "/agreements/" + state, """
                {"quota":%d,"faceToFacePlan":{"startDate":"2030-06-10","endDate":"2030-06-14","city":"%s",
                 "modality":"IN_PERSON","hours":24,"evaluationMethod":"Presentación oral"},
                 "localCoordinator":{"name":"Coordinación %s","email":"coordinacion.%s@example.org"},
                 "signatory":{"name":"Firmante %s","title":"Titular","institution":"Institución"}}"""
                .formatted(quota, city, state, state.toLowerCase(), state)));
    }

    private static Path directory(String name) {
        try {
            return Files.createDirectories(ServicesProcess.buildDirectory().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path file(String name, String content) {
        try {
            return Files.writeString(directory("walk-files-" + RUN).resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
}
