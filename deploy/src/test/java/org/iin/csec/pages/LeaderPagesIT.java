package org.iin.csec.pages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The course leader's pages: creating an edition and moving it along its lifecycle, quotas, accepting
 * nominations one by one and many at once, the Moodle sync's failures and retry, the report (table, chart,
 * CSV) and the audit log; and a coordinator kept out of the leader's edition page. Each test works on an
 * edition of its own, never on the demo edition 2027-1.
 */
@ExtendWith(RunningProduct.class)
class LeaderPagesIT {

    private static final AtomicInteger EDITIONS = new AtomicInteger();
    private static final String API = "/course/api/v1";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void theLeaderCreatesAnEditionSetsAQuotaAndOpensNominations() {
        String code = newCode();
        try (Browser browser = Browser.open()) {
            browser.signIn("leader").page("editions");
            WebElement form = browser.waitFor(By.id("new-edition"));
            Browser.type(form.findElement(By.name("code")), code);
            Browser.type(form.findElement(By.name("title")), "Edición de prueba " + code);
            setValue(browser, form.findElement(By.name("onlineStageStart")), "2028-03-01");
            setValue(browser, form.findElement(By.name("onlineStageEnd")), "2028-02-01");
            Browser.type(form.findElement(By.name("courseHours")), "100");
            form.findElement(By.cssSelector("button[type=submit]")).click();

            // The server refuses the dates; the refusal sits under the end date and what was typed stays.
            String error = errorOf(browser, form.findElement(By.name("onlineStageEnd")));
            assertThat(error).contains("no puede terminar antes de empezar");
            assertThat(form.findElement(By.name("onlineStageEnd")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(form.findElement(By.name("code")).getAttribute("value")).isEqualTo(code);
            assertThat(form.findElement(By.name("courseHours")).getAttribute("value")).isEqualTo("100");
            assertThat(DemoApi.get("leader", API + "/editions/" + code).status()).isEqualTo(404);

            setValue(browser, form.findElement(By.name("onlineStageEnd")), "2028-05-31");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitForText(By.tagName("h1"), "Edición " + code);
            assertThat(browser.waitFor(By.id("edition-status")).getText()).contains("Borrador");

            // A quota for Mexico.
            WebElement agreement = browser.waitFor(By.id("agreement-form"));
            new Select(agreement.findElement(By.name("state"))).selectByValue("MX");
            Browser.type(agreement.findElement(By.name("quota")), "3");
            Browser.type(agreement.findElement(By.name("city")), "Ciudad de México");
            agreement.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitForText(By.cssSelector("#agreement-form .form-message"), "Acuerdo con México (MX) guardado");
            WebElement mexico = browser.waitFor(By.cssSelector("#part-agreements tr[data-state=MX]"));
            assertThat(cells(mexico)).startsWith("México (MX)", "3", "0", "3", "0");
            assertThat(DemoApi.get("leader", API + "/editions/" + code + "/agreements/MX").body()).contains("\"quota\":3");

            // One step along the lifecycle, after confirming.
            browser.waitFor(By.id("next-status")).click();
            browser.waitForText(By.id("confirm-question"), "«Borrador» a «Postulaciones abiertas»");
            browser.waitFor(By.id("confirm-yes")).click();
            browser.waitForText(By.id("edition-status"), "Postulaciones abiertas");
            assertThat(browser.waitFor(By.cssSelector(".leader-steps [aria-current=step]")).getText())
                    .contains("Postulaciones abiertas");
            assertThat(DemoApi.get("leader", API + "/editions/" + code).body()).contains("\"status\":\"NOMINATIONS_OPEN\"");
            browser.screenshot("leader-edition");

            // The next step needs a Moodle course: the server's refusal is shown and nothing moves.
            browser.waitFor(By.id("next-status")).click();
            browser.waitFor(By.id("confirm-yes")).click();
            browser.waitForText(By.cssSelector("#part-lifecycle .notice.error"), "Vincule la edición con su curso de Moodle");
            assertThat(browser.waitFor(By.id("edition-status")).getText()).contains("Postulaciones abiertas");
            assertThat(DemoApi.get("leader", API + "/editions/" + code).body()).contains("\"status\":\"NOMINATIONS_OPEN\"");
        }
    }

    @Test
    void theLeaderAcceptsOneNominationThenSeveralAtOnceAndCannotLowerTheQuotaBelowThem() {
        String code = newCode();
        createEdition(code, null);
        putAgreement(code, "MX", 3);
        openNominations(code);
        // Three hold the three seats, the fourth waits.
        List<String> emails = Stream.of(1, 2, 3, 4).map(i -> code.toLowerCase() + ".p" + i + "@example.org").toList();
        for (int i = 0; i < emails.size(); i++) {
            nominate(code, "MX", "Persona" + (i + 1), emails.get(i), i + 1);
        }

        try (Browser browser = Browser.open()) {
            browser.signIn("leader");
            // The home page has a card for the new edition that leads to its page.
            browser.waitFor(By.cssSelector(".leader-edition-card[data-edition='" + code + "'] a")).click();
            browser.waitForText(By.tagName("h1"), "Edición " + code);

            row(browser, emails.get(0)).findElement(By.cssSelector("button.accept")).click();
            waitForStatus(browser, emails.get(0), "Aceptado");
            browser.waitForText(By.id("selection-outcome"), "Persona1 Prueba: aceptado/a");

            // The other two seat holders and the waitlisted one, at once.
            for (String email : emails.subList(1, 4)) {
                row(browser, email).findElement(By.cssSelector("input.choose")).click();
            }
            browser.waitForText(By.id("selected-count"), "3 seleccionado(s)");
            browser.waitFor(By.id("accept-selected")).click();
            String summary = browser.waitFor(By.id("selection-summary")).getText();
            assertThat(summary).contains("Aceptados: 2 de 3.").contains("No se pudo con 1:")
                    .contains("Persona4 Prueba: En su situación actual no se puede");
            waitForStatus(browser, emails.get(1), "Aceptado");
            waitForStatus(browser, emails.get(2), "Aceptado");
            waitForStatus(browser, emails.get(3), "En lista de espera");
            assertThat(DemoApi.get("leader", API + "/editions/" + code + "/participants?status=ACCEPTED").body())
                    .contains(emails.get(0), emails.get(1), emails.get(2)).doesNotContain(emails.get(3));
            browser.screenshot("leader-participants");

            // Three seats are held now: a quota of 1 is refused next to the quota, and stays as typed.
            browser.waitFor(By.cssSelector("#part-agreements tr[data-state=MX] button")).click();
            WebElement agreement = browser.waitFor(By.id("agreement-form"));
            assertThat(agreement.findElement(By.name("quota")).getAttribute("value")).isEqualTo("3");
            Browser.type(agreement.findElement(By.name("quota")), "1");
            agreement.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(errorOf(browser, agreement.findElement(By.name("quota"))))
                    .contains("no puede ser menor que los lugares ya ocupados");
            assertThat(agreement.findElement(By.name("quota")).getAttribute("value")).isEqualTo("1");
            assertThat(DemoApi.get("leader", API + "/editions/" + code + "/agreements/MX").body()).contains("\"quota\":3");
        }
    }

    @Test
    void aFailedMoodleSyncIsShownWithItsReasonAndRetriedOnceTheCourseIsLinked() {
        String code = newCode();
        createEdition(code, null);
        putAgreement(code, "MX", 2);
        openNominations(code);
        String email = code.toLowerCase() + ".moodle@example.org";
        long id = nominate(code, "MX", "Moodle", email, 1);
        assertThat(DemoApi.post("leader", API + "/editions/" + code + "/participants/" + id + "/accept", null).status())
                .isEqualTo(200);

        try (Browser browser = Browser.open()) {
            browser.signIn("leader").page("editions/" + code);
            // Without a Moodle course the enrolment fails, with the reason, and can be retried.
            browser.waitFor(By.id("sync-now")).click();
            // The background sync may redraw the section meanwhile: read the row's text inside the wait.
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> {
                        String row = d.findElement(By.cssSelector("#part-moodle tr.problem")).getText();
                        return row.contains("Moodle Prueba") && row.contains("MX") && row.contains("Matricular en Moodle")
                                && row.contains("no Moodle course");
                    });
            browser.waitForText(By.id("retry-failed"), "(1)");

            // Link the course, then retry: the failure goes and the participant is enrolled.
            browser.waitFor(By.cssSelector("#edit-details summary")).click();
            WebElement details = browser.waitFor(By.id("edition-details"));
            Browser.type(details.findElement(By.name("moodleCourseId")), "2");
            details.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitForText(By.id("fact-moodle-course"), "2");
            browser.waitFor(By.id("retry-failed")).click();
            browser.waitForText(By.id("sync-result"), "1 tarea(s) vuelven a la cola");
            until(browser, d -> {
                // The scheduler or "sync now" sends it; the page shows it once it has been sent.
                WebElement syncNow = d.findElement(By.id("sync-now"));
                if (syncNow.isEnabled()) {
                    syncNow.click();
                }
                return !d.findElements(By.id("no-failures")).isEmpty()
                        && row(browser, email).getText().contains("Matriculado");
            });
            assertThat(DemoApi.get("leader", API + "/editions/" + code + "/participants/" + id).body())
                    .contains("\"status\":\"ENROLLED\"");
        }
    }

    @Test
    void theReportShowsATableAndAChartPerStateAndExportsCsv() throws IOException {
        String code = newCode();
        createEdition(code, null);
        putAgreement(code, "MX", 2);
        putAgreement(code, "UY", 3);
        openNominations(code);
        nominate(code, "MX", "Informe", code.toLowerCase() + ".report@example.org", 1);

        try (Browser browser = Browser.open()) {
            browser.signIn("leader").page("editions/" + code);
            WebElement chart = browser.waitFor(By.cssSelector("#report-chart svg"));
            assertThat(chart.getAttribute("role")).isEqualTo("img");
            assertThat(chart.findElement(By.tagName("title")).getAttribute("textContent"))
                    .isEqualTo("Lugares y avance por estado, edición " + code);
            for (String state : List.of("MX", "UY")) {
                WebElement bars = chart.findElement(By.cssSelector("g.leader-chart-row[data-state=" + state + "]"));
                assertThat(bars.findElements(By.cssSelector("rect.leader-bar"))).hasSize(7);
            }
            // Seats are drawn to scale: Uruguay's 3 is longer than Mexico's 2.
            assertThat(barWidth(chart, "UY", "seats")).isGreaterThan(barWidth(chart, "MX", "seats"));
            assertThat(barWidth(chart, "MX", "proposed")).isPositive();
            assertThat(barWidth(chart, "UY", "proposed")).isZero();

            // The same numbers as a table, the chart's text alternative.
            assertThat(chart.getAttribute("aria-describedby")).isNotBlank();
            assertThat(cells(browser.waitFor(By.cssSelector("#report-table tr[data-state=MX]"))))
                    .startsWith("México (MX)", "2", "1", "0");
            assertThat(cells(browser.waitFor(By.cssSelector("#report-table tr[data-state=UY]"))))
                    .startsWith("Uruguay (UY)", "3", "0", "0");
            assertThat(cells(browser.waitFor(By.cssSelector("#report-table tr.total")))).startsWith("Total", "5", "1");
            browser.script("arguments[0].scrollIntoView()", browser.waitFor(By.id("h-report")));
            browser.screenshot("leader-report-chart");

            browser.waitFor(By.id("export-csv")).click();
            Path file = browser.downloads().resolve("report-" + code + ".csv");
            until(browser, d -> Files.exists(file) && size(file) > 0);
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertThat(lines.get(0)).isEqualTo("edition,state,seats,proposed,waitlisted,accepted,enrolled,"
                    + "online_completed,face_to_face_passed,certified,enrolment_rate,online_completion_rate,"
                    + "face_to_face_pass_rate,certification_rate");
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(code + ",MX,2,1,"));
        }
    }

    @Test
    void theAuditLogShowsTheLeadersChangesAsReadableText() {
        String code = newCode();
        createEdition(code, null);
        putAgreement(code, "MX", 2);
        putAgreement(code, "MX", 4);

        try (Browser browser = Browser.open()) {
            browser.signIn("leader").page("audit?edition=" + code);
            WebElement changed = browser.waitFor(By.cssSelector("main tr[data-action='agreement.changed']"));
            assertThat(changed.getText()).contains("leader", "Acuerdo cambiado", code, "MX", "Cuota: 2 → 4");
            WebElement created = browser.waitFor(By.cssSelector("main tr[data-action='edition.created']"));
            assertThat(created.getText()).contains("leader", "Edición creada", "Situación: Borrador");
            // Newest first.
            List<String> actions = browser.all(By.cssSelector("main tbody tr")).stream()
                    .map(r -> r.getAttribute("data-action")).toList();
            assertThat(actions).containsExactly("agreement.changed", "agreement.created", "edition.created");
            browser.screenshot("leader-audit");

            // The filter narrows it to one kind of record, and says so in the address.
            new Select(browser.waitFor(By.cssSelector("#audit-filters [name=entityType]"))).selectByValue("Edition");
            browser.waitFor(By.cssSelector("#audit-filters button[type=submit]")).click();
            until(browser, d -> d.getCurrentUrl().contains("entityType=Edition")
                    && d.findElements(By.cssSelector("main tbody tr")).size() == 1);
            assertThat(browser.waitFor(By.cssSelector("main tbody tr")).getAttribute("data-action")).isEqualTo("edition.created");
        }
    }

    @Test
    void aCoordinatorSeesTheEditionsButIsRefusedTheLeadersEditionPage() {
        String code = newCode();
        createEdition(code, null);
        putAgreement(code, "MX", 2);

        try (Browser browser = Browser.open()) {
            browser.signIn("coord.mx").page("editions");
            browser.waitFor(By.cssSelector("main tr[data-edition='" + code + "']"));
            assertThat(browser.all(By.id("new-edition"))).isEmpty();

            browser.page("editions/" + code);
            browser.waitForText(By.tagName("h1"), "Su cuenta no tiene permiso para esto.");
            assertThat(browser.all(By.id("part-agreements"))).isEmpty();
            assertThat(browser.mainText()).doesNotContain(code);
        }
    }

    // --- set-up through the API, as the leader and a state's coordinator would

    /** A code of its own per test and per run (editions stay in the demo's database). */
    private static String newCode() {
        return "LP-" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase()
                + "-" + EDITIONS.incrementAndGet();
    }

    private static void createEdition(String code, Long moodleCourseId) {
        String json = "{\"code\":\"" + code + "\",\"title\":\"Edición " + code + "\",\"language\":\"es\","
                + "\"onlineStageStart\":\"2028-03-01\",\"onlineStageEnd\":\"2028-05-31\",\"courseHours\":100"
                + (moodleCourseId == null ? "" : ",\"moodleCourseId\":" + moodleCourseId) + "}";
        assertThat(DemoApi.post("leader", API + "/editions", json).status()).isEqualTo(201);
    }

    private static void putAgreement(String code, String state, int quota) {
        DemoApi.Answer answer = DemoApi.call("leader", "PUT", API + "/editions/" + code + "/agreements/" + state,
                "{\"quota\":" + quota + "}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private static void openNominations(String code) {
        DemoApi.Answer answer = DemoApi.call("leader", "PATCH", API + "/editions/" + code, "{\"status\":\"NOMINATIONS_OPEN\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    /** The state's coordinator proposes someone; returns the participant's id. */
    private static long nominate(String code, String state, String firstName, String email, int rank) {
        String coordinator = "coord." + state.toLowerCase();
        DemoApi.Answer answer = DemoApi.post(coordinator, API + "/editions/" + code + "/agreements/" + state + "/nominations",
                "{\"firstName\":\"" + firstName + "\",\"lastName\":\"Prueba\",\"email\":\"" + email + "\",\"rank\":" + rank
                        + ",\"position\":\"Analista\",\"institution\":\"Ministerio\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        Map<String, Object> participant = new Json().toType(answer.body(), Json.MAP_TYPE);
        return ((Number) participant.get("id")).longValue();
    }

    // --- reading the pages

    /** Sets a date field the way a date picker does (typing dates depends on the browser's locale). */
    private static void setValue(Browser browser, WebElement input, String value) {
        browser.script("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", input, value);
    }

    /** The error shown under a field (the element its aria-describedby names), once there is one. */
    private static String errorOf(Browser browser, WebElement input) {
        By error = By.id(input.getAttribute("aria-describedby"));
        until(browser, d -> !d.findElement(error).getText().isBlank());
        return browser.driver().findElement(error).getText();
    }

    /** Waits for a condition; the pages redraw tables after each change, so an element seen may be replaced. */
    private static void until(Browser browser, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser.driver(), WAIT).pollingEvery(Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    private static WebElement row(Browser browser, String email) {
        return browser.waitFor(By.cssSelector("#part-participants tr[data-email='" + email + "']"));
    }

    private static void waitForStatus(Browser browser, String email, String status) {
        until(browser, d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#part-participants tr[data-email='" + email + "'] .status"));
            return !found.isEmpty() && found.get(0).getText().equals(status);
        });
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(c -> c.getText().lines().findFirst().orElse("")).toList();
    }

    private static double barWidth(WebElement chart, String state, String step) {
        return Double.parseDouble(chart.findElement(By.cssSelector(
                "g.leader-chart-row[data-state=" + state + "] g[data-step=" + step + "] rect.leader-bar")).getAttribute("width"));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
