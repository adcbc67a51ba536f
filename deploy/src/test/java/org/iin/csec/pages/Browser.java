package org.iin.csec.pages;

import org.iin.csec.runtime.ServicesProcess;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium, driven by Debian's chromedriver (never a downloaded browser or driver), with the
 * few steps every page test takes: open a page, sign in, wait, fill a field, take a screenshot.
 */
public final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;

    private Browser(ChromeDriver driver, String baseUrl, Path profile) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.profile = profile;
    }

    /** A new browser (its own profile: no session, no remembered language) at the running product. */
    public static Browser open() {
        try {
            Path profile = Files.createTempDirectory(ServicesProcess.buildDirectory(), "chromium-profile-");
            Path downloads = Files.createDirectories(profile.resolve("downloads"));
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            // Without the background-networking flags Chromium keeps trying to reach Google on this closed network.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
                    "--lang=es", "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of(
                    "download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false,
                    "intl.accept_languages", "es"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                    .usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), RunningProduct.baseUrl(), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens one of course-service's pages: {@code page("editions/2027-1")}. */
    public Browser page(String route) {
        driver.get(baseUrl + "/course/#/" + route);
        return this;
    }

    /** Opens any address under the product, e.g. {@code "/certificates/verify/ABC"}. */
    public Browser address(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    /** Signs in on the sign-in page as a demo account and waits until the header shows who is signed in. */
    public Browser signIn(String username) {
        return signIn(username, RunningProduct.PASSWORD);
    }

    public Browser signIn(String username, String password) {
        page("login");
        WebElement form = waitFor(By.id("login-form"));
        type(form.findElement(By.name("username")), username);
        type(form.findElement(By.name("password")), password);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.id("whoami"));
        return this;
    }

    public Browser signOut() {
        waitFor(By.id("sign-out")).click();
        waitFor(By.id("login-form"));
        return this;
    }

    /** Waits until an element is visible, and returns it. */
    public WebElement waitFor(By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until the element's text contains {@code text}. */
    public WebElement waitForText(By locator, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return driver.findElement(locator);
    }

    public List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    public static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    /** The visible text of the page's main part. */
    public String mainText() {
        return waitFor(By.id("view")).getText();
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves a screenshot under target/screenshots (test output, not committed) and returns its path. */
    public Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(ServicesProcess.buildDirectory().resolve("screenshots"));
            Path file = dir.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where this browser saves downloads. */
    public Path downloads() {
        return profile.resolve("downloads");
    }

    /** Quits Chromium and removes its profile (downloads included). */
    @Override
    public void close() {
        driver.quit();
        try (java.util.stream.Stream<Path> files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // A leftover profile under target/ harms nothing.
        }
    }
}
