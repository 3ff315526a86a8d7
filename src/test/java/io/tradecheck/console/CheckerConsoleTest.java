package io.tradecheck.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

/** The console in a real browser: sign-in per role, a pre-check, an order file, a 403. */
@QuarkusTest
@TestProfile(ConsoleProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckerConsoleTest {
    @TestHTTPResource("/console")
    URL console;

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        if (browser == null) {
            browser = Browser.open(console);
        }
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aVisitorIsSentToSignInAndAWrongPasswordIsRefused() {
        browser.driver.manage().deleteAllCookies();
        browser.get("/console/check");
        browser.waitFor(By.id("j_username"));
        assertTrue(browser.driver.getCurrentUrl().contains("/console/login"), browser.driver.getCurrentUrl());
        browser.screenshot("sign-in");
        browser.assertAccessible("sign-in");
        browser.assertUsableOnPhone("sign-in");
        browser.find(By.id("j_username")).sendKeys("test-checker");
        browser.find(By.id("j_password")).sendKeys("not-the-password");
        browser.find(By.cssSelector("form[action='/j_security_check'] button")).click();
        assertTrue(browser.waitFor(By.id("login-error")).getText().contains("Wrong user name or password"));
    }

    @Test
    void eachRoleSeesItsOwnPartsAndSignsOut() {
        Map<String, String[]> expected = Map.of(
                "test-checker", new String[] {"Pre-check", "Order files"},
                "test-editor", new String[] {"Rule pack", "Drafts", "History"},
                "test-auditor", new String[] {"Rule pack", "History", "Decision log"});
        for (var e : expected.entrySet()) {
            String user = e.getKey();
            browser.signIn(user, user.substring(5) + "-secret");
            String nav = browser.text(By.cssSelector("header nav"));
            for (String link : e.getValue()) {
                assertTrue(nav.contains(link), user + " should see " + link + " in: " + nav);
            }
            assertEquals(user.equals("test-auditor"), nav.contains("Decision log"), user + ": " + nav);
            assertEquals(user.equals("test-checker"), nav.contains("Pre-check"), user + ": " + nav);
            browser.find(By.cssSelector("header form.signout button")).click();
            browser.waitFor(By.id("j_username"));
            browser.get("/console");
            browser.waitFor(By.id("j_username"));
        }
        browser.signIn("test-checker", "checker-secret");
        browser.screenshot("home-checker");
        browser.assertAccessible("home");
    }

    @Test
    void aCheckerPreChecksAShipmentAndSeesEachFindingWithItsLegalBasis() {
        browser.signIn("test-checker", "checker-secret");
        browser.get("/console/check");
        browser.type("hsCode", "9506.62.40.40");
        browser.select("originCountry", "CN");
        browser.type("entryDate", "04152025");
        browser.type("customsValue", "10000");
        browser.find(By.id("check-submit")).click();
        browser.waitFor(By.id("result"));
        assertEquals("DUTIABLE", browser.text(By.id("outcome")));
        assertTrue(browser.driver.findElements(By.cssSelector("main .alert")).isEmpty(), "no field is marked as wrong");
        String findings = browser.text(By.id("findings-applying"));
        assertTrue(findings.contains("Legal basis"), findings);
        assertTrue(findings.contains("Source"), findings);
        assertTrue(!browser.driver.findElements(By.cssSelector("#findings-applying a[href^='http']")).isEmpty());
        assertTrue(browser.text(By.id("total-duty")).endsWith("USD"), browser.text(By.id("total-duty")));
        browser.screenshot("pre-check");
        browser.assertAccessible("pre-check");
        browser.assertUsableOnPhone("pre-check");
    }

    @Test
    void aCheckerStatesWhetherABroadlyListedPartIsForAVehicle() {
        browser.signIn("test-checker", "checker-secret");
        browser.get("/console/check");
        // Lithium-ion batteries: on the auto-parts list (note 33(g)) only as parts of passenger vehicles.
        browser.type("hsCode", "8507.60.00.20");
        browser.select("originCountry", "CN");
        browser.type("entryDate", "07012025");
        browser.type("customsValue", "10000");
        browser.find(By.id("check-submit")).click();
        String notStated = browser.waitFor(By.id("result")).getText();
        assertTrue(notStated.contains("a part only by its end use"), notStated);
        assertFalse(notStated.contains("Section 232 auto parts (25%)"), notStated);

        browser.select("vehiclePartUse", "yes");
        browser.find(By.id("check-submit")).click();
        String forACar = browser.waitFor(By.id("result")).getText();
        assertTrue(forACar.contains("Section 232 auto parts (25%)"), forACar);
        assertEquals("yes", browser.find(By.id("vehiclePartUse")).getAttribute("value"), "the form keeps what was chosen");
    }

    @Test
    void aRefusedFieldIsShownBesideIt() {
        browser.signIn("test-checker", "checker-secret");
        browser.get("/console/check");
        browser.type("hsCode", "12");
        browser.select("originCountry", "CN");
        browser.find(By.id("check-submit")).click();
        assertTrue(browser.waitFor(By.id("hsCode-error")).getText().contains("6 to 10 digits"));
    }

    @Test
    void aCheckerUploadsAnOrderFileFollowsItAndDownloadsTheResults() {
        browser.signIn("test-checker", "checker-secret");
        browser.get("/console/orders");
        browser.find(By.id("file")).sendKeys(Path.of("src/test/resources/batch/orders.csv").toAbsolutePath().toString());
        browser.find(By.id("upload-submit")).click();
        browser.waitFor(By.id("summary"), Duration.ofSeconds(120));
        // The progress the page polls while the job runs: lines done of the total, and the final state.
        String jobPath = browser.driver.getCurrentUrl().replaceAll("^https?://[^/]+", "").replaceAll("\\?.*$", "");
        Map<String, Object> status = browser.fetch(jobPath + "/status");
        assertEquals(200L, status.get("status"));
        String progress = status.get("body").toString();
        assertTrue(progress.contains("\"state\":\"DONE\"") && progress.contains("\"linesDone\":11")
                && progress.contains("\"linesTotal\":11"), progress);
        assertTrue(browser.text(By.id("summary-text")).startsWith("11 lines checked"), browser.text(By.id("summary-text")));
        assertTrue(browser.find(By.cssSelector("#summary svg title")).getAttribute("textContent").contains("Lines per decision"));
        int all = browser.driver.findElements(By.cssSelector("#results tbody tr")).size();
        assertEquals(11, all);
        browser.screenshot("order-file");
        browser.assertAccessible("order-file");
        browser.assertUsableOnPhone("order-file");

        browser.select("decision", "DUTIABLE");
        browser.find(By.id("filter-submit")).click();
        browser.waitFor(By.id("matching"));
        var rows = browser.driver.findElements(By.cssSelector("#results tbody tr"));
        assertTrue(rows.size() > 0 && rows.size() < all, rows.size() + " of " + all);
        rows.forEach(r -> assertTrue(r.getText().contains("DUTIABLE"), r.getText()));

        String href = browser.find(By.id("download-csv")).getAttribute("href");
        Map<String, Object> download = browser.fetch(href);
        assertEquals(200L, download.get("status"));
        assertTrue(download.get("disposition").toString().contains("attachment"));
        String csv = download.get("body").toString();
        assertTrue(csv.startsWith("line,reference,decision"), csv);
        assertTrue(csv.lines().findFirst().orElseThrow().endsWith(",mfnRate,totalDutyRate,totalDuty"), csv);
        assertEquals(12, csv.strip().lines().count(), csv);
    }

    @Test
    void aCheckerIsRefusedTheDecisionLogWithAPage() {
        browser.signIn("test-checker", "checker-secret");
        browser.get("/console/decisions");
        assertEquals("Not for your role", browser.waitFor(By.tagName("h1")).getText());
        browser.screenshot("forbidden");
        browser.assertAccessible("forbidden");
    }
}
