package io.tradecheck.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver (never Selenium Manager, which would download a
 * browser). Tests using it are skipped, saying why, where the packages are not installed.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
    /** Where page screenshots go when -Dconsole.screenshots=<dir> is given (docs/console in the repository). */
    static final String SCREENSHOTS = System.getProperty("console.screenshots");

    final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    static Browser open(URL root) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Browser tests skipped: no " + CHROMIUM + " or " + DRIVER
                        + " (apt-get install -y chromium chromium-driver; .ci/run does this)");
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        String base = root.toString().replaceAll("/+$", "");
        return new Browser(driver, base.endsWith("/console") ? base.substring(0, base.length() - "/console".length()) : base);
    }

    void get(String path) {
        driver.get(base + path);
    }

    void signIn(String user, String password) {
        driver.manage().deleteAllCookies();
        get("/console/login");
        driver.findElement(By.id("j_username")).sendKeys(user);
        driver.findElement(By.id("j_password")).sendKeys(password);
        driver.findElement(By.cssSelector("form[action='/j_security_check'] button")).click();
        waitFor(By.cssSelector("header form.signout"));
    }

    WebElement waitFor(By by) {
        return waitFor(by, Duration.ofSeconds(20));
    }

    WebElement waitFor(By by, Duration timeout) {
        try {
            return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no visible " + by + " within " + timeout + " on " + driver.getCurrentUrl() + " ("
                    + driver.getTitle() + "): " + pageText(), e);
        }
    }

    WebElement find(By by) {
        try {
            return driver.findElement(by);
        } catch (org.openqa.selenium.NoSuchElementException e) {
            throw new AssertionError("no " + by + " on " + driver.getCurrentUrl() + " (" + driver.getTitle() + "): "
                    + pageText(), e);
        }
    }

    /** The visible text of the page, cut: what a failed lookup shows to say where the browser really was. */
    String pageText() {
        String text = driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ");
        return text.length() <= 600 ? text : text.substring(0, 600) + "...";
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    void select(String id, String value) {
        new org.openqa.selenium.support.ui.Select(find(By.id(id))).selectByValue(value);
    }

    void type(String id, String text) {
        WebElement e = find(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    /** Fetches a URL with the page's cookies, as a download link would, and returns status and body. */
    @SuppressWarnings("unchecked")
    Map<String, Object> fetch(String path) {
        return (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text().then(t => done({status: r.status, "
                        + "type: r.headers.get('content-type') || '', disposition: r.headers.get('content-disposition') || '', body: t})))"
                        + ".catch(e => done({status: -1, body: String(e)}));", path);
    }

    /**
     * Runs axe-core on the page (WCAG 2.1 A/AA rules) and fails on serious or critical violations, naming each.
     * Skipped where the build could not vendor axe.min.js (see src/test/axe/vendor-axe.sh).
     */
    @SuppressWarnings("unchecked")
    void assertAccessible(String page) {
        String axe = axeSource();
        if (axe == null) {
            System.err.println("[axe] axe.min.js not vendored: accessibility of " + page + " not checked");
            return;
        }
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axe);
        Map<String, Object> result = (Map<String, Object>) js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                        + ".then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, "
                        + "nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))}))"
                        + ".catch(e => done({error: String(e)}));");
        if (result.get("error") != null) {
            fail("axe failed on " + page + ": " + result.get("error"));
        }
        List<Map<String, Object>> bad = ((List<Map<String, Object>>) result.get("violations")).stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))).toList();
        assertEquals(List.of(), bad.stream().map(v -> v.get("impact") + " " + v.get("id") + ": " + v.get("help")
                + " at " + v.get("nodes")).collect(Collectors.toList()), "accessibility violations on " + page);
    }

    /** Checks the page at phone width too (no horizontal scrolling of the page itself), then restores 1280 px. */
    void assertUsableOnPhone(String page) {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            Long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals(0L, overflow, page + " scrolls sideways at phone width");
            screenshot(page + "-phone");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    void screenshot(String name) {
        if (SCREENSHOTS == null) {
            return;
        }
        try {
            Path dir = Files.createDirectories(Path.of(SCREENSHOTS));
            Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
