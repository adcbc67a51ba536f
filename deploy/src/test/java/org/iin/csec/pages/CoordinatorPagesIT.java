package org.iin.csec.pages;

import org.iin.csec.runtime.ServicesProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The state coordinator's page: seats, nominating (one, or a CSV file checked before saving), rank, withdrawal,
 * another state's page refused, and the face-to-face stage. The tests set up their own editions through the
 * API (as the course leader) so that nothing depends on the demo edition's status or on other test classes.
 */
@ExtendWith(RunningProduct.class)
class CoordinatorPagesIT {

    private static final String API = "/course/api/v1";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String RUN = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));

    /** Nominations open: MX with room for everyone, AR with one seat (so others wait). */
    private static final String NOMINATING = "CP-" + RUN;
    /** In its online stage, with two accepted MX participants: results can be recorded. */
    private static final String RESULTS = "CPF-" + RUN;

    private static long arSeatHolder;
    private static long arFirstWaiting;
    private static long arSecondWaiting;
    private static long resultsFirst;
    private static long resultsSecond;

    @BeforeAll
    static void twoEditionsOfOurOwn() {
        String moodleCourse = match(DemoApi.get("leader", API + "/editions/2027-1").body(), "\"moodleCourseId\":(\\d+)");

        edition(NOMINATING, null);
        agreement(NOMINATING, "MX", 20);
        agreement(NOMINATING, "AR", 1);
        arSeatHolder = nominate("coord.ar", NOMINATING, "AR", "Aurelio", "Rangel" + RUN);
        arFirstWaiting = nominate("coord.ar", NOMINATING, "AR", "Beatriz", "Ibarra" + RUN);
        arSecondWaiting = nominate("coord.ar", NOMINATING, "AR", "Camila", "Quiroga" + RUN);

        edition(RESULTS, moodleCourse);
        agreement(RESULTS, "MX", 5);
        resultsFirst = nominate("coord.mx", RESULTS, "MX", "Elena", "Robles" + RUN);
        resultsSecond = nominate("coord.mx", RESULTS, "MX", "Fabian", "Soto" + RUN);
        for (long id : new long[] {resultsFirst, resultsSecond}) {
            expect(DemoApi.post("leader", API + "/editions/" + RESULTS + "/participants/" + id + "/accept", null), 200);
        }
        expect(DemoApi.call("leader", "PATCH", API + "/editions/" + RESULTS, "{\"status\":\"ONLINE_STAGE\"}"), 200);
    }

    @Test
    void aCoordinatorNominatesFromTheirCardAndAMistypedEmailIsShownNextToItsFieldWithTheValuesKept() {
        try (Browser browser = Browser.open()) {
            signIn(browser, "coord.mx");
            // The home page has a card per edition; this edition's card leads to Mexico's page.
            browser.waitFor(By.cssSelector("a[href='#/editions/" + NOMINATING + "/states/MX']")).click();
            WebElement form = browser.waitFor(By.id("nominate-form"));
            int held = seats(browser, "held");
            int free = seats(browser, "free");
            String last = "Villanueva" + RUN;

            // The browser lets "maria@localhost" through; the server refuses it, next to the e-mail field.
            Browser.type(form.findElement(By.name("firstName")), "María José");
            Browser.type(form.findElement(By.name("lastName")), last);
            Browser.type(form.findElement(By.name("email")), "maria@localhost");
            Browser.type(form.findElement(By.name("institution")), "DIF Nacional");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            WebElement email = form.findElement(By.name("email"));
            until(browser, ExpectedConditions.attributeToBe(email, "aria-invalid", "true"));
            String emailError = form.findElement(By.id(email.getAttribute("aria-describedby"))).getText();
            assertThat(emailError).containsIgnoringCase("e-mail");
            assertThat(form.findElement(By.name("firstName")).getAttribute("value")).isEqualTo("María José");
            assertThat(form.findElement(By.name("lastName")).getAttribute("value")).isEqualTo(last);
            assertThat(form.findElement(By.name("institution")).getAttribute("value")).isEqualTo("DIF Nacional");
            assertThat(browser.waitFor(By.id("roster")).getText()).doesNotContain(last);

            Browser.type(email, "maria.villanueva." + RUN + "@example.org");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitForText(By.cssSelector("#nominate-form .form-message"), "ocupa un lugar");
            WebElement row = rowOf(browser, last);
            assertThat(row.getText()).contains("María José " + last, "DIF Nacional", "Postulado");
            assertThat(seats(browser, "held")).isEqualTo(held + 1);
            assertThat(seats(browser, "free")).isEqualTo(free - 1);
            assertThat(form.findElement(By.name("firstName")).getAttribute("value")).isEmpty();
            browser.script("window.scrollTo(0, 0)");
            browser.screenshot("coordinator-state-page-es");
        }
    }

    @Test
    void aNameThatLooksLikeHtmlIsShownAsTextAndNeverRuns() {
        try (Browser browser = Browser.open()) {
            signIn(browser, "coord.mx");
            browser.page("editions/" + NOMINATING + "/states/MX");
            WebElement form = browser.waitFor(By.id("nominate-form"));
            String first = "<script>alert(1)</script>";
            String last = "<img src=x onerror=alert(2)>" + RUN;
            Browser.type(form.findElement(By.name("firstName")), first);
            Browser.type(form.findElement(By.name("lastName")), last);
            Browser.type(form.findElement(By.name("email")), "script." + RUN + "@example.org");
            form.findElement(By.cssSelector("button[type=submit]")).click();

            browser.waitForText(By.id("roster"), first + " " + last);
            assertThat(form.findElement(By.cssSelector(".form-message")).getText()).contains(first + " " + last);
            assertThat(browser.script("return document.querySelectorAll('#view script, #view img').length")).isEqualTo(0L);
            assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        }
    }

    @Test
    void aCsvWithOneBadRowIsReportedRowByRowAndSavesNothingThenAGoodOneIsPreviewedAndSaved() throws IOException {
        try (Browser browser = Browser.open()) {
            signIn(browser, "coord.mx");
            browser.page("editions/" + NOMINATING + "/states/MX");
            WebElement form = browser.waitFor(By.id("import-form"));

            // The template comes through the API (it needs the session) and lands as a file.
            browser.waitFor(By.id("download-template")).click();
            Path template = browser.downloads().resolve("nominations-template.csv");
            until(browser, d -> Files.exists(template) && size(template) > 0);
            assertThat(Files.readString(template, StandardCharsets.UTF_8)).contains("first_name,last_name,email");

            String good = "ok." + RUN + "@example.org";
            Path bad = csv("bad", "first_name,last_name,email\n"
                    + "Gabriela,Ortega" + RUN + "," + good + "\n"
                    + "Hugo,Treviño" + RUN + ",hugo-at-example.org\n");
            form.findElement(By.name("file")).sendKeys(bad.toString());
            form.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitForText(By.cssSelector("#import-form .form-message"), "No se guardó nada: 1 de 2");
            WebElement badRow = browser.waitFor(By.cssSelector("#import-report tr.problem"));
            assertThat(badRow.getAttribute("data-line")).isEqualTo("3");
            assertThat(badRow.getText()).contains("hugo-at-example.org", "Correo electrónico");
            assertThat(browser.all(By.cssSelector("#import-report tr[data-line='2'].problem"))).isEmpty();
            assertThat(browser.all(By.id("import-save"))).isEmpty();
            assertThat(roster("coord.mx", NOMINATING, "MX")).doesNotContain(good);

            Path fine = csv("good", "nombre;apellido;correo;orden\n"
                    + "Gabriela;Ortega" + RUN + ";" + good + ";3\n"
                    + "Hugo;Treviño" + RUN + ";hugo." + RUN + "@example.org;4\n");
            form.findElement(By.name("file")).sendKeys(fine.toString());
            form.findElement(By.cssSelector("button[type=submit]")).click();
            WebElement save = browser.waitFor(By.id("import-save"));
            assertThat(save.getText()).isEqualTo("Guardar estas 2 postulaciones");
            assertThat(browser.waitFor(By.id("import-report")).getText()).contains("Todavía no se guardó nada", good);
            assertThat(roster("coord.mx", NOMINATING, "MX")).doesNotContain(good);

            save.click();
            browser.waitForText(By.id("import-saved"), "Guardado: 2 postulaciones");
            browser.waitForText(By.id("roster"), "Gabriela Ortega" + RUN);
            assertThat(browser.waitFor(By.id("roster")).getText()).contains("Hugo Treviño" + RUN);
            assertThat(roster("coord.mx", NOMINATING, "MX")).contains(good, "hugo." + RUN + "@example.org");
        }
    }

    @Test
    void aCoordinatorReranksTheWaitlistAndWithdrawsASeatHolderWhoseSeatGoesToTheFirstInLine() {
        try (Browser browser = Browser.open()) {
            signIn(browser, "coord.ar");
            browser.page("editions/" + NOMINATING + "/states/AR");
            WebElement second = browser.waitFor(By.id("participant-" + arSecondWaiting));
            assertThat(waitlistCell(browser, arFirstWaiting)).isEqualTo("1");
            assertThat(waitlistCell(browser, arSecondWaiting)).isEqualTo("2");

            // Camila goes first in the state's order, so first in the waitlist.
            Browser.type(second.findElement(By.name("rank")), "1");
            second.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitForText(By.id("coord-notice"), "ahora es 1");
            assertThat(waitlistCell(browser, arSecondWaiting)).isEqualTo("1");
            assertThat(waitlistCell(browser, arFirstWaiting)).isEqualTo("2");

            browser.waitFor(By.cssSelector("#participant-" + arSeatHolder + " .coord-withdraw")).click();
            WebElement dialog = browser.waitFor(By.id("withdraw-dialog"));
            Browser.type(dialog.findElement(By.name("reason")), "Cambió de funciones");
            dialog.findElement(By.cssSelector("button[type=submit]")).click();
            String told = browser.waitForText(By.id("coord-notice"), "fue retirado/a").getText();
            assertThat(told).contains("Aurelio Rangel" + RUN, "Camila Quiroga" + RUN);
            assertThat(browser.waitFor(By.id("participant-" + arSeatHolder)).getText()).contains("Retirado");
            assertThat(browser.waitFor(By.id("participant-" + arSecondWaiting)).getText()).contains("Postulado");
            assertThat(waitlistCell(browser, arFirstWaiting)).isEqualTo("1");
            assertThat(seats(browser, "held")).isEqualTo(1);
            assertThat(seats(browser, "waitlisted")).isEqualTo(1);
        }
    }

    @Test
    void anotherStatesPageShowsTheRefusalAndNoneOfItsPeople() {
        try (Browser browser = Browser.open()) {
            signIn(browser, "coord.uy");
            browser.page("editions/2027-1/states/AR");
            assertThat(browser.waitFor(By.id("coord-refused")).getText()).contains("otro estado");
            String seen = browser.mainText();
            assertThat(seen).doesNotContain("García", "Pérez", "Núñez", "@example.org");
            assertThat(browser.all(By.cssSelector("#view table, #view form"))).isEmpty();

            browser.page("editions/" + NOMINATING + "/states/AR");
            browser.waitForText(By.id("coord-refused"), "otro estado");
            assertThat(browser.mainText()).doesNotContain("Rangel" + RUN, "Ibarra" + RUN, "Quiroga" + RUN);
        }
    }

    @Test
    void inEnglishTheCoordinatorRecordsResultsUploadsAFileChangesThePlanAndClosesTheStage() throws IOException {
        try (Browser browser = Browser.open()) {
            signIn(browser, "coord.mx");
            new Select(browser.waitFor(By.id("language"))).selectByValue("en");
            browser.waitForText(By.tagName("h1"), "Welcome");
            browser.page("editions/" + RESULTS + "/states/MX");
            browser.waitForText(By.id("f2f-heading"), "Face-to-face stage");
            assertThat(browser.all(By.id("nominate-form"))).isEmpty();
            assertThat(browser.waitFor(By.id("f2f-progress")).getText()).isEqualTo("Results recorded: 0 of 2.");

            // The plan can change until its stage starts.
            browser.waitFor(By.cssSelector("#plan-editor summary")).click();
            WebElement plan = browser.waitFor(By.id("plan-form"));
            Browser.type(plan.findElement(By.name("city")), "Guadalajara");
            plan.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitForText(By.cssSelector("#plan-form .form-message"), "Plan saved.");
            assertThat(browser.waitFor(By.id("plan")).getText()).contains("Guadalajara");

            // A score out of range is shown next to the score; then a pass with a score is recorded.
            browser.waitFor(By.cssSelector("#participant-" + resultsFirst + " .coord-record")).click();
            WebElement dialog = browser.waitFor(By.id("result-dialog"));
            new Select(dialog.findElement(By.name("result"))).selectByValue("PASSED");
            WebElement score = dialog.findElement(By.name("score"));
            Browser.type(score, "150");
            dialog.findElement(By.cssSelector("button[type=submit]")).click();
            until(browser, ExpectedConditions.attributeToBe(score, "aria-invalid", "true"));
            assertThat(dialog.findElement(By.id(score.getAttribute("aria-describedby"))).getText()).contains("0", "100");
            browser.screenshot("coordinator-result-dialog-en");
            Browser.type(score, "92.5");
            dialog.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitForText(By.id("coord-notice"), "saved: Passed");
            assertThat(browser.waitFor(By.id("participant-" + resultsFirst)).getText()).contains("Passed", "92.5");

            // Closing with a result missing: the server's refusal stays in the dialog, nothing closes.
            browser.waitFor(By.id("close-stage")).click();
            WebElement close = browser.waitFor(By.id("close-dialog"));
            close.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitForText(By.cssSelector("#close-dialog .form-message"), "no face-to-face result");
            close.findElement(By.xpath(".//button[text()='Cancel']")).click();
            until(browser, ExpectedConditions.invisibilityOfElementLocated(By.id("close-dialog")));

            // A results file with one bad row saves nothing; a good one saves its row.
            WebElement upload = browser.waitFor(By.id("results-form"));
            upload.findElement(By.name("file")).sendKeys(csv("results-bad", "participant_id,result\n"
                    + resultsSecond + ",MAYBE\n").toString());
            upload.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitForText(By.cssSelector("#results-form .form-message"), "Nothing was saved: 1 of 1");
            assertThat(browser.waitFor(By.cssSelector("#results-report tr.problem")).getText()).contains("Result");
            assertThat(browser.waitFor(By.id("participant-" + resultsSecond)).getText()).contains("Pending");
            upload.findElement(By.name("file")).sendKeys(csv("results-good", "participant_id,result,note\n"
                    + resultsSecond + ",ABSENT,Did not attend\n").toString());
            upload.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitForText(By.cssSelector("#results-form .form-message"), "1 results saved.");
            browser.waitForText(By.id("participant-" + resultsSecond), "Absent");
            assertThat(browser.waitFor(By.id("f2f-progress")).getText()).isEqualTo("Results recorded: 2 of 2.");
            browser.script("window.scrollTo(0, 0)");
            browser.screenshot("coordinator-state-page-en");

            browser.waitFor(By.id("close-stage")).click();
            browser.waitFor(By.id("close-dialog")).findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitForText(By.id("coord-notice"), "The face-to-face stage is closed.");
            assertThat(browser.waitFor(By.id("f2f-closed")).getText()).contains("only the course leader");
            assertThat(browser.all(By.cssSelector(".coord-record, #close-stage, #results-form"))).isEmpty();
            browser.script("document.getElementById('face-to-face').scrollIntoView()");
            browser.screenshot("coordinator-face-to-face-closed-en");
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    /**
     * Signs in and waits until the home page has drawn its cards: the frame's router does not drop a render that
     * finishes after a newer navigation, so opening another page before that could be overwritten by the home page.
     */
    private static void signIn(Browser browser, String user) {
        browser.signIn(user);
        browser.waitForText(By.tagName("h1"), "Le damos la bienvenida");
    }

    private static void edition(String code, String moodleCourse) {
        expect(DemoApi.post("leader", API + "/editions", "{\"code\":\"" + code + "\",\"title\":\"Edición de prueba "
                + code + "\",\"language\":\"es\",\"moodleCourseId\":" + moodleCourse + ",\"onlineStageStart\":\"2030-03-01\","
                + "\"onlineStageEnd\":\"2030-05-31\",\"courseHours\":120}"), 201);
        expect(DemoApi.call("leader", "PATCH", API + "/editions/" + code, "{\"status\":\"NOMINATIONS_OPEN\"}"), 200);
    }

    private static void agreement(String code, String state, int quota) {
        expect(DemoApi.call("leader", "PUT", API + "/editions/" + code + "/agreements/" + state, "{\"quota\":" + quota
                + ",\"faceToFacePlan\":{\"startDate\":\"2030-06-10\",\"endDate\":\"2030-06-14\",\"city\":\"Monterrey\","
                + "\"modality\":\"HYBRID\",\"hours\":24,\"evaluationMethod\":\"Oral presentation\"},"
                + "\"localCoordinator\":{\"name\":\"Coordinación\",\"email\":\"coordinacion@example.org\"},"
                + "\"signatory\":{\"name\":\"Firmante\",\"title\":\"Titular\",\"institution\":\"Institución\"}}"), 200);
    }

    private static long nominate(String coordinator, String code, String state, String first, String last) {
        String body = expect(DemoApi.post(coordinator, API + "/editions/" + code + "/agreements/" + state + "/nominations",
                "{\"firstName\":\"" + first + "\",\"lastName\":\"" + last + "\",\"email\":\""
                        + (first + "." + last).toLowerCase() + "@example.org\"}"), 201);
        return Long.parseLong(match(body, "\"id\":(\\d+)"));
    }

    private static String roster(String user, String code, String state) {
        return expect(DemoApi.get(user, API + "/editions/" + code + "/agreements/" + state + "/nominations"), 200);
    }

    private static String expect(DemoApi.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        return answer.body();
    }

    private static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    private static int seats(Browser browser, String which) {
        return Integer.parseInt(browser.waitFor(By.cssSelector("#seats-" + which + " strong")).getText().trim());
    }

    private static WebElement rowOf(Browser browser, String text) {
        browser.waitForText(By.id("roster"), text);
        return browser.waitFor(By.xpath("//div[@id='roster']//tr[contains(., '" + text + "')]"));
    }

    /** The "Waitlist" cell (the fourth, shown while someone waits) of a participant's row. */
    private static String waitlistCell(Browser browser, long participant) {
        return browser.waitFor(By.cssSelector("#participant-" + participant + " td:nth-child(4)")).getText().trim();
    }

    private static void until(Browser browser, ExpectedCondition<?> condition) {
        new WebDriverWait(browser.driver(), WAIT).until(condition);
    }

    private static Path csv(String name, String content) {
        try {
            Path dir = Files.createDirectories(ServicesProcess.buildDirectory().resolve("coordinator-csv"));
            return Files.writeString(dir.resolve(name + "-" + RUN + ".csv"), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
