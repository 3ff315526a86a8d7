package io.tradecheck.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A trade specialist changes a rate without a terminal (grid edit, validation with the error on its cell, scenarios,
 * impact on an order file, activation, rollback); an auditor replays a decision made before the change.
 */
@QuarkusTest
@TestProfile(ConsoleProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuleEditingConsoleTest {
    /** Cambodia's rate from 7 Aug 2025 (us-import/reciprocal.csv); no scenario depends on it. */
    static final String MEASURE = "US-RECIPROCAL-KH-AUG";
    static final String TABLE = "us-import/reciprocal.csv";

    @TestHTTPResource("/console")
    URL console;

    private Browser browser;
    private String activatedVersion;

    @BeforeAll
    void openBrowser() {
        browser = Browser.open(console);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aCheckerDecisionBeforeTheChangeIsLogged() {
        browser.signIn("test-checker", "checker-secret");
        browser.get("/console/check");
        browser.type("reference", "KH-BEFORE-CHANGE");
        browser.type("hsCode", "6110.20.20");
        browser.select("originCountry", "KH");
        browser.type("entryDate", "11152025");
        browser.type("customsValue", "10000");
        browser.find(By.id("check-submit")).click();
        browser.waitFor(By.id("result"));
        assertTrue(browser.text(By.id("total-rate")).startsWith("19"), browser.text(By.id("total-rate")));
    }

    @Test
    @Order(2)
    void aSpecialistBrowsesThePackAndAMeasuresTimeline() {
        browser.signIn("test-editor", "editor-secret");
        browser.get("/console/rules");
        browser.screenshot("rule-pack");
        browser.assertAccessible("rule-pack");
        browser.get("/console/rules/timeline?measure=US-RECIPROCAL-CN-GENEVA-PAUSE");
        WebElement chart = browser.waitFor(By.cssSelector("#timeline svg"));
        assertTrue(!chart.findElements(By.cssSelector("rect.pause")).isEmpty(), "the pause is shaded");
        browser.get("/console/rules/timeline?measure=US-RECIPROCAL-CN");
        assertTrue(browser.driver.findElements(By.cssSelector("#timeline rect.bar")).size() >= 2);
        browser.screenshot("timeline");
        browser.assertAccessible("timeline");
        browser.get("/console/rules/applies?hs=9506.62.40.40&origin=CN&date=2025-04-15");
        assertEquals("DUTIABLE", browser.waitFor(By.id("outcome")).getText());
        browser.screenshot("what-applies");
    }

    @Test
    @Order(3)
    void aSpecialistChangesARateInAGridAndABadEditIsShownOnItsCell() {
        browser.signIn("test-editor", "editor-secret");
        browser.get("/console/drafts");
        browser.find(By.id("new-draft")).click();
        browser.waitFor(By.id("validate"));
        String draftUrl = browser.driver.getCurrentUrl();
        browser.get(draftUrl.substring(draftUrl.indexOf("/console")) + "/table?path=" + TABLE + "&measure=" + MEASURE);
        WebElement row = browser.waitFor(By.cssSelector("#grid tbody tr"));
        String line = row.getAttribute("id").substring("row-".length());

        // The first day of the row would overwrite the old rate: refused, saying why.
        row.findElement(By.xpath(".//summary[.='Change rate']")).click();
        browser.type("rate-" + line, "21");
        browser.type("from-" + line, "08072025");
        browser.find(By.id("change-" + line)).click();
        assertTrue(browser.waitFor(By.id("edit-error")).getText().contains("never overwritten"));

        row = browser.find(By.id("row-" + line));
        row.findElement(By.xpath(".//summary[.='Change rate']")).click();
        browser.type("rate-" + line, "21");
        browser.type("from-" + line, "10012025");
        browser.find(By.id("change-" + line)).click();
        var rows = browser.waitFor(By.id("grid")).findElements(By.cssSelector("tbody tr"));
        assertEquals(2, rows.size(), "the old row is end-dated and a new one added");
        assertTrue(rows.get(0).getText().contains("2025-09-30"), rows.get(0).getText());
        assertTrue(rows.get(1).getText().contains("21") && rows.get(1).getText().contains("2025-10-01"), rows.get(1).getText());
        browser.screenshot("draft-grid");
        browser.assertAccessible("draft-grid");
        browser.assertUsableOnPhone("draft-grid");

        // A bad cell: an added row of the same scope whose window overlaps: validation names the cell.
        browser.find(By.xpath("//summary[.='Add a row']")).click();
        for (String[] cell : new String[][] {{"family", "RECIPROCAL"}, {"kind", "TARIFF"}, {"origin", "KH"},
                {"destination", "US"}, {"rate", "twenty"}, {"from", "2025-12-01"}, {"title", "bad"}}) {
            browser.type("add-" + cell[0], cell[1]);
        }
        browser.find(By.id("add-row")).click();
        browser.get(draftUrl.substring(draftUrl.indexOf("/console")));
        browser.find(By.id("validate")).click();
        assertTrue(browser.waitFor(By.id("validation-result"), Duration.ofSeconds(120)).getText().startsWith("Not valid"));
        browser.find(By.cssSelector("#validation-errors a")).click();
        WebElement bad = browser.waitFor(By.cssSelector("td.cell-error"));
        assertEquals("rate", bad.getAttribute("data-column"));
        browser.screenshot("validation-error-on-cell");
        browser.assertAccessible("validation-error-on-cell");

        // Take the bad row out again: end-dating cannot, so start a clean draft with the good change only.
        browser.get(draftUrl.substring(draftUrl.indexOf("/console")));
        browser.find(By.cssSelector("form[action$='/discard'] button")).click();
        browser.find(By.id("new-draft")).click();
        browser.waitFor(By.id("validate"));
        draftUrl = browser.driver.getCurrentUrl();
        browser.get(draftUrl.substring(draftUrl.indexOf("/console")) + "/table?path=" + TABLE + "&measure=" + MEASURE);
        row = browser.waitFor(By.cssSelector("#grid tbody tr"));
        row.findElement(By.xpath(".//summary[.='Change rate']")).click();
        browser.type("rate-" + line, "21");
        browser.type("from-" + line, "10012025");
        browser.find(By.id("change-" + line)).click();
        browser.waitFor(By.id("grid"));
        browser.get(draftUrl.substring(draftUrl.indexOf("/console")));
        browser.find(By.id("validate")).click();
        String result = browser.waitFor(By.id("validation-result"), Duration.ofSeconds(120)).getText();
        assertTrue(result.startsWith("Valid. Scenarios:"), result);
        assertTrue(browser.text(By.id("changes")).contains(TABLE));
        browser.screenshot("draft");
        browser.assertAccessible("draft");

        browser.find(By.id("impact-file")).sendKeys(Path.of("src/test/resources/console/impact-orders.csv").toAbsolutePath().toString());
        browser.find(By.id("impact-submit")).click();
        browser.waitFor(By.id("impact-rows"), Duration.ofSeconds(120));
        String changed = browser.text(By.id("impact-rows"));
        assertTrue(changed.contains("KH-NOV DUTY") && changed.contains("200.00"), changed);
        assertTrue(!changed.contains("CN-NOV"), "a line the change does not touch is not listed: " + changed);
        browser.screenshot("impact");
        browser.assertAccessible("impact");

        browser.driver.navigate().back();
        browser.type("activation-comment", "Cambodia 21% from 1 Oct 2025 (browser test)");
        browser.find(By.id("activate")).click();
        String activated = browser.waitFor(By.id("activated"), Duration.ofSeconds(120)).getText();
        activatedVersion = activated.replaceAll("\\D+", " ").trim().split(" ")[0];
        assertTrue(browser.text(By.id("version-" + activatedVersion)).contains("Cambodia 21%"));
    }

    @Test
    @Order(4)
    void anAuditorReplaysTheEarlierDecisionAndSeesWhatTodaysRulesChange() {
        browser.signIn("test-auditor", "auditor-secret");
        browser.get("/console/decisions?reference=KH-BEFORE-CHANGE");
        browser.screenshot("decision-log");
        browser.assertAccessible("decision-log");
        browser.find(By.cssSelector("#decisions tbody a")).click();
        browser.waitFor(By.id("replay")).click();
        assertTrue(browser.waitFor(By.id("reproduced"), Duration.ofSeconds(120)).getText().startsWith("Reproduced"));
        String changes = browser.text(By.id("replay-changes"));
        assertTrue(changes.contains("19") && changes.contains("21"), changes);
        browser.screenshot("replay");
        browser.assertAccessible("replay");
        assertTrue(browser.driver.findElements(By.cssSelector("form[action$='/rollback']")).isEmpty(),
                "an auditor sees the history but cannot roll back");
    }

    @Test
    @Order(5)
    void aSpecialistSeesTheFileDiffAndRollsBack() {
        browser.signIn("test-editor", "editor-secret");
        browser.get("/console/history/" + activatedVersion);
        String diff = browser.waitFor(By.cssSelector("pre.diff")).getText();
        assertTrue(diff.contains("+" + MEASURE) && diff.contains("2025-10-01"), diff);
        browser.screenshot("version-diff");
        browser.assertAccessible("version-diff");
        browser.get("/console/history");
        int previous = Integer.parseInt(activatedVersion) - 1;
        browser.type("rb-" + previous, "back to 19% (browser test)");
        browser.find(By.id("rollback-" + previous)).click();
        String now = browser.waitFor(By.id("activated"), Duration.ofSeconds(120)).getText();
        assertTrue(browser.text(By.id("versions")).contains("ROLLBACK of " + previous), now);
        browser.screenshot("history");
        browser.assertAccessible("history");
        browser.get("/console/rules/applies?hs=6110.20.20&origin=KH&date=2025-11-15");
        assertTrue(browser.waitFor(By.id("total-rate")).getText().startsWith("19"), browser.text(By.id("total-rate")));
    }
}
