package org.iin.csec.pages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in and out, the header (who, roles, state), and the language switch that the browser remembers. */
@ExtendWith(RunningProduct.class)
class SignInPageIT {

    @Test
    void aCoordinatorSignsInSeesTheirRoleAndStateAndSignsOut() {
        try (Browser browser = Browser.open()) {
            browser.page("login");
            browser.waitFor(By.id("login-form"));
            browser.screenshot("sign-in");
            browser.signIn("coord.ar");
            String header = browser.waitFor(By.id("whoami")).getText();
            assertThat(header).contains("Coordinación estatal").contains("AR");
            browser.screenshot("home-coordinator");

            browser.signOut();
            // The session is over on the server too: the old page cannot be reopened without signing in.
            browser.page("");
            browser.waitFor(By.id("login-form"));
        }
    }

    @Test
    void aWrongPasswordIsRefusedNextToTheFormAndTheNameStays() {
        try (Browser browser = Browser.open()) {
            browser.page("login");
            var form = browser.waitFor(By.id("login-form"));
            Browser.type(form.findElement(By.name("username")), "coord.uy");
            Browser.type(form.findElement(By.name("password")), "not-the-password");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitForText(By.cssSelector("#login-form .form-message"), "no son correctos");
            assertThat(form.findElement(By.name("username")).getAttribute("value")).isEqualTo("coord.uy");
            assertThat(browser.all(By.id("whoami"))).isEmpty();
        }
    }

    @Test
    void theChosenLanguageIsRememberedAcrossVisits() {
        try (Browser browser = Browser.open()) {
            browser.page("login");
            assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Iniciar sesión");
            new Select(browser.waitFor(By.id("language"))).selectByValue("en");
            browser.waitForText(By.tagName("h1"), "Sign in");
            browser.driver().navigate().refresh();
            assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Sign in");
            assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");
        }
    }
}
