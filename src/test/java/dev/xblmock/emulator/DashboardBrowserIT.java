package dev.xblmock.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import dev.xblmock.common.identity.Identity;
import dev.xblmock.testsupport.ApiIT;
import dev.xblmock.titlestorage.Preconditions;
import dev.xblmock.titlestorage.UploadCommand;
import dev.xblmock.titlestorage.StoragePaths;
import dev.xblmock.titlestorage.TitleStorageService;
import dev.xblmock.titlestorage.domain.Namespace;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard in a real browser: Debian's Chromium, headless, driven through its own chromedriver (never one
 * Selenium would download). Each test does through the page what a developer would, then checks the result on
 * the Xbox routes. Screenshots of every view go to {@code target/dashboard/}.
 *
 * <p>Without {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (or the paths in the system properties
 * {@code xblmock.chromium} and {@code xblmock.chromedriver}) the tests are skipped with one line, unless
 * {@code -Dxblmock-it.browser-tests=required} (set by {@code .ci/run}) makes that a failure.
 */
class DashboardBrowserIT extends ApiIT {

    private static final UploadCommand ONE_BYTE = new UploadCommand(new Preconditions(null, null), null, null, null,
            null, 1L);

    private static final Path CHROMIUM = Path.of(System.getProperty("xblmock.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("xblmock.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "dashboard");
    private static final String NAMESPACE = "/json/users/xuid(2533274792693551)/scids/MockScid";
    /** The live view's load test: this many requests, at most this many a second, on this many connections. */
    private static final int BURST_REQUESTS = 10_000;
    private static final int BURST_RATE = 2_000;
    private static final int LOAD_CONNECTIONS = 32;

    private static WebDriver browser;
    private static Path profile;

    @Autowired
    private TitleStorageService storage;

    @BeforeAll
    static void startBrowser() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "required".equals(System.getProperty("xblmock-it.browser-tests"))) {
            throw new IllegalStateException("The dashboard's browser tests are required (xblmock-it.browser-tests=required) "
                    + "but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: apt-get install chromium chromium-driver");
        }
        if (!installed) {
            System.out.println("[browser tests skipped] " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing (apt-get install chromium chromium-driver to run DashboardBrowserIT)");
        }
        Assumptions.assumeTrue(installed, "Chromium and chromedriver are not installed");
        profile = Files.createTempDirectory("xblmock-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @BeforeEach
    void wideWindow() {
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    @Test
    void uploadThroughThePageThenReadOverTheXboxRoute() throws IOException {
        open("storage");
        Path file = Files.writeString(Files.createTempFile("slot1", ".json"), "{\"level\":3,\"weapon\":\"poison\"}");
        WebElement form = browser.findElement(By.id("upload-form"));
        type(form, "namespace", NAMESPACE);
        type(form, "path", "saves/slot1.json");
        new Select(form.findElement(By.name("type"))).selectByValue("json");
        type(form, "displayName", "Slot 1");
        form.findElement(By.name("file")).sendKeys(file.toAbsolutePath().toString());
        form.findElement(By.cssSelector("button[type=submit]")).click();
        awaitStatus("Uploaded saves/slot1.json,json to " + NAMESPACE + ".");

        anonymous().get(NAMESPACE + "/data/saves/slot1.json,json").then()
                .statusCode(200).body(equalTo("{\"level\":3,\"weapon\":\"poison\"}"));
        anonymous().get(NAMESPACE + "/data").then().statusCode(200)
                .body("blobs[0].fileName", equalTo("saves/slot1.json,json"))
                .body("blobs[0].displayName", equalTo("Slot 1"));

        // the page shows it: namespace, folder, blob, pretty-printed content
        click(By.xpath("//button[text()='" + NAMESPACE + "']"));
        click(By.xpath("//button[text()='📁 saves/']"));
        click(By.xpath("//button[text()='slot1.json,json']"));
        WebElement preview = wait(5).until(ExpectedConditions.visibilityOfElementLocated(By.id("blob-preview")));
        assertThat(preview.getText()).isEqualTo("{\n  \"level\": 3,\n  \"weapon\": \"poison\"\n}");
        screenshot("storage");
    }

    @Test
    void aNamespaceOfTenThousandBlobsIsBrowsedPageByPage() throws IOException {
        String namespace = "/global/scids/Big";
        Namespace parsed = StoragePaths.namespace(namespace, "namespace");
        for (int i = 0; i < 10_000; i++) {
            storage.upload(StoragePaths.blobKey(parsed, String.format("f%05d.bin,binary", i)), Identity.OPERATOR,
                    () -> ONE_BYTE, new ByteArrayInputStream(new byte[] {1}));
        }
        open("storage");
        long started = System.nanoTime();
        click(By.xpath("//button[text()='" + namespace + "']"));
        wait(5).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section[aria-label=Blobs]"), "1–200 of 10000"));
        click(By.xpath("//button[text()='Next page']"));
        wait(5).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section[aria-label=Blobs]"), "201–400 of 10000"));
        click(By.xpath("//button[text()='f00200.bin,binary']"));
        wait(5).until(ExpectedConditions.textToBePresentInElementLocated(By.id("blob-preview"), "00000000  01"));
        System.out.printf("[storage] opened a namespace of 10,000 blobs, paged once and previewed a blob in %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void editAStatThenReadItWithAV1Batch() {
        open("stats");
        WebElement form = browser.findElement(By.id("stat-form"));
        type(form, "xuid", "2533274792693551");
        type(form, "gamertag", "WarriorSaint");
        type(form, "scid", "MockScid");
        type(form, "name", "Wins");
        new Select(form.findElement(By.name("type"))).selectByValue("Integer");
        type(form, "value", "42");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        awaitStatus("Saved Wins of 2533274792693551.");

        anonymous().contentType(ContentType.JSON)
                .body("{\"requestedusers\":[\"2533274792693551\"],\"requestedscids\":[{\"scid\":\"MockScid\",\"requestedstats\":[\"Wins\"]}]}")
                .post("/batch?operation=read").then().statusCode(200).body(equalTo("{\"users\":[{\"xuid\":\"2533274792693551\","
                        + "\"gamertag\":\"WarriorSaint\",\"scids\":[{\"scid\":\"MockScid\",\"stats\":[{\"statname\":\"Wins\","
                        + "\"type\":\"Integer\",\"value\":\"42\"}]}]}]}"));

        // edit it from the user's table: the form is filled, change the value
        click(By.xpath("//button[text()='2533274792693551']"));
        click(By.xpath("//button[text()='Edit Wins']"));
        WebElement value = form.findElement(By.name("value"));
        value.clear();
        value.sendKeys("43", Keys.ENTER);
        awaitStatus("Saved Wins of 2533274792693551.");
        wait(5).until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-stats"), "43"));
        anonymous().get("/users/xuid(2533274792693551)/scids/MockScid/stats/Wins").then().statusCode(200)
                .body("scids[0].stats[0].value", equalTo("43"));
        screenshot("stats");
    }

    @Test
    void editAStatsPropertiesThenReadThemWithV2() {
        anonymous().contentType(ContentType.JSON).body("{\"stats\":{\"Wins\":{\"type\":\"Integer\",\"value\":\"5\","
                + "\"properties\":{\"DisplayName\":\"Wins\",\"Icon\":\"cup\"}}}}")
                .put("/_emulator/stats/users/2533274792693551/scids/MockScid").then().statusCode(200);
        open("stats");
        click(By.xpath("//button[text()='2533274792693551']"));
        wait(5).until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-stats"), "Icon: cup"));
        click(By.xpath("//button[text()='Edit Wins']"));
        WebElement form = browser.findElement(By.id("stat-form"));
        List<WebElement> names = form.findElements(By.name("property-name"));
        assertThat(names).extracting(name -> name.getAttribute("value")).containsExactly("DisplayName", "Icon");
        assertThat(form.findElements(By.name("property-value"))).extracting(value -> value.getAttribute("value"))
                .containsExactly("Wins", "cup");

        // keyboard only: a new property, the value changed, one property removed
        WebElement displayName = form.findElements(By.name("property-value")).get(0);
        displayName.clear();
        displayName.sendKeys("Victories");
        form.findElements(By.xpath(".//button[text()='Remove property']")).get(1).sendKeys(Keys.ENTER);
        form.findElement(By.xpath(".//button[text()='Add property']")).sendKeys(Keys.ENTER);
        browser.switchTo().activeElement().sendKeys("Season", Keys.TAB, "3");
        WebElement value = form.findElement(By.name("value"));
        value.clear();
        value.sendKeys("6", Keys.ENTER);
        awaitStatus("Saved Wins of 2533274792693551.");
        wait(5).until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-stats"), "Season: 3"));
        assertThat(browser.findElement(By.cssSelector("#user-stats td.properties")).getText())
                .isEqualTo("DisplayName: Victories\nSeason: 3");

        anonymous().header("x-xbl-contract-version", "2").get("/users/xuid(2533274792693551)/scids/MockScid/stats/Wins")
                .then().statusCode(200).body(equalTo("{\"statlistscollection\":[{\"arrangebyfield\":\"xuid\","
                        + "\"arrangebyfieldid\":\"2533274792693551\",\"stats\":[{\"xuid\":\"2533274792693551\","
                        + "\"scid\":\"MockScid\",\"name\":\"Wins\",\"type\":\"Integer\",\"value\":\"6\","
                        + "\"properties\":{\"DisplayName\":\"Victories\",\"Season\":\"3\"}}]}]}"));
        screenshot("stats-properties");

        // a value without a name is refused on the page, and nothing is sent
        form.findElement(By.xpath(".//button[text()='Add property']")).click();
        List<WebElement> values = form.findElements(By.name("property-value"));
        values.get(values.size() - 1).sendKeys("orphan");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        awaitStatus("Property value 'orphan' needs a name.");
        anonymous().get("/_emulator/stats/users/2533274792693551/scids/MockScid").then().statusCode(200)
                .body("stats.Wins.properties.Season", equalTo("3"));
    }

    @Test
    void aRequestAppearsInTheLiveViewWithinASecond() {
        open("requests");
        wait(5).until(ExpectedConditions.attributeToBe(By.id("request-summary"), "data-live", "true"));
        anonymous().get("/global/scids/LiveScid/data/seen/now").then().statusCode(200);
        long answered = System.nanoTime();
        new WebDriverWait(browser, Duration.ofSeconds(1), Duration.ofMillis(20)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("request-rows"), "/global/scids/LiveScid/data/seen/now"));
        long millis = (System.nanoTime() - answered) / 1_000_000;
        assertThat(millis).as("ms from the answer until the request was on the page").isLessThan(1000);
        WebElement status = browser.findElement(By.cssSelector("#request-rows td.status"));
        assertThat(status.getText()).isEqualTo("200");
        assertThat(status.getAttribute("class")).contains("status-2");

        click(By.xpath("//button[text()='/global/scids/LiveScid/data/seen/now']"));
        assertThat(browser.findElement(By.id("request-details")).getText()).contains("titlestorage / list");
        // a row focused from the keyboard keeps its focus while newer requests arrive above it
        WebElement focusedRow = browser.switchTo().activeElement();
        assertThat(focusedRow.getText()).isEqualTo("/global/scids/LiveScid/data/seen/now");
        anonymous().get("/global/scids/LiveScid/data/seen/later").then().statusCode(200);
        wait(5).until(ExpectedConditions.textToBePresentInElementLocated(By.id("request-rows"), "/global/scids/LiveScid/data/seen/later"));
        assertThat(browser.switchTo().activeElement()).isEqualTo(focusedRow);
        focusedRow.sendKeys(Keys.ENTER);
        assertThat(browser.findElement(By.cssSelector("#request-rows tr.selected")).getText()).contains("/global/scids/LiveScid/data/seen/now");
        assertThat(browser.findElement(By.cssSelector("#request-details .error-code")).getText()).isEqualTo("—");
        screenshot("requests");
    }

    /**
     * {@link #BURST_REQUESTS} requests at up to {@link #BURST_RATE} a second (what the machine allows: the achieved
     * rate is printed) while the test clicks Pause and Resume: every click is handled, the page draws new rows
     * all along the burst and shows the newest request after it. The page measures itself with
     * {@code performance.now()}: how long after the input each click's handler ran and its next frame came, how
     * often the newest row changed, the longest gap between frames and its longest task (Chrome's long tasks).
     * Only generous bounds are asserted (the machine is shared).
     */
    @Test
    void theLiveViewKeepsUpWithAThousandRequestsASecond() throws Exception {
        open("requests");
        wait(5).until(ExpectedConditions.attributeToBe(By.id("request-summary"), "data-live", "true"));
        int total = BURST_REQUESTS;
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("""
                const m = window.measured = {clicks: [], longestTask: 0, longestFrameGap: 0, frames: 0, newestRowChanges: 0};
                new PerformanceObserver(list => list.getEntries().forEach(
                    e => m.longestTask = Math.max(m.longestTask, e.duration))).observe({type: 'longtask'});
                let last = performance.now(), newest = null;
                (function frame(now) {
                  m.longestFrameGap = Math.max(m.longestFrameGap, now - last); last = now; m.frames++;
                  const top = document.querySelector('#request-rows tbody tr button');
                  if (top && top.textContent !== newest) { newest = top.textContent; m.newestRowChanges++; }
                  if (!m.stopped) requestAnimationFrame(frame);
                })(last);
                document.getElementById('request-pause').addEventListener('click', e => {
                  const handled = performance.now() - e.timeStamp;
                  requestAnimationFrame(() => m.clicks.push({handled, painted: performance.now() - e.timeStamp}));
                });""");
        long started = System.nanoTime();
        List<Thread> senders = new ArrayList<>();
        for (int first = 0; first < LOAD_CONNECTIONS; first++) {
            int offset = first;
            senders.add(new Thread(() -> sendPaced(offset, total, started, answered, failed)));
        }
        Thread load = new Thread(() -> {
            senders.forEach(Thread::start);
            senders.forEach(sender -> {
                try {
                    sender.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        });
        load.start();
        int clicks = 0;
        WebElement pause = browser.findElement(By.id("request-pause"));
        while (load.isAlive() || clicks % 2 == 1) { // an even number of clicks leaves the view running
            Thread.sleep(250);
            pause.click();
            clicks++;
        }
        load.join();
        double seconds = (System.nanoTime() - started) / 1e9;
        // the page lists entries as they are recorded, the journal by arrival, and the connections finish in any
        // order: the page's top row must be one of the last requests of the burst (a few per connection)
        List<String> newest = bare().get("/_emulator/requests?limit=" + 4 * LOAD_CONNECTIONS).then().statusCode(200)
                .extract().path("requests.path");
        wait(5).until(page -> newest.contains(
                page.findElement(By.cssSelector("#request-rows tbody tr:first-child button")).getText()));
        int sentClicks = clicks;
        wait(5).until(page -> ((Number) js.executeScript("return window.measured.clicks.length")).intValue() == sentClicks);
        @SuppressWarnings("unchecked")
        Map<String, Object> measured = (Map<String, Object>) js.executeScript("window.measured.stopped = true; return window.measured");
        @SuppressWarnings("unchecked")
        List<Map<String, Number>> clickTimes = (List<Map<String, Number>>) measured.get("clicks");
        double worstHandled = clickTimes.stream().mapToDouble(c -> c.get("handled").doubleValue()).max().orElseThrow();
        double worstPainted = clickTimes.stream().mapToDouble(c -> c.get("painted").doubleValue()).max().orElseThrow();
        long newestRowChanges = ((Number) measured.get("newestRowChanges")).longValue();
        System.out.printf("[live view] %d requests answered in %.1f s (%.0f/s), %d failed; %d clicks: handled within "
                        + "%.0f ms, next frame within %.0f ms; newest row changed %d times; %s frames, longest gap "
                        + "between frames %.0f ms, longest task %.0f ms%n", answered.get(), seconds,
                answered.get() / seconds, failed.get(), clicks, worstHandled, worstPainted, newestRowChanges,
                measured.get("frames"), ((Number) measured.get("longestFrameGap")).doubleValue(),
                ((Number) measured.get("longestTask")).doubleValue());

        assertThat(answered.get()).isEqualTo(total);
        assertThat(clickTimes).as("clicks handled by the page").hasSize(clicks);
        // generous: a loaded two-core machine stretches everything; a page that froze would miss these by far
        assertThat(newestRowChanges).as("redraws with a new newest row during the burst").isGreaterThanOrEqualTo((long) seconds);
        assertThat(worstPainted).as("ms from a click until the frame after its handler").isLessThan(2000);
        assertThat(((Number) measured.get("longestTask")).doubleValue()).as("longest task of the page, ms").isLessThan(2000);
        assertThat(browser.findElement(By.id("request-summary")).getText()).isEqualTo("500 matching of the last 500, newest 100 shown");
        assertThat(browser.findElements(By.cssSelector("#request-rows tbody tr"))).hasSize(100);
    }

    @Test
    void aFaultAddedOnThePageFailsTheNextXboxRequest() {
        open("faults");
        WebElement form = browser.findElement(By.id("fault-form"));
        new Select(form.findElement(By.name("method"))).selectByValue("GET");
        type(form, "path", "/data/broken");
        type(form, "status", "503");
        type(form, "retryAfterSeconds", "7");
        type(form, "times", "1");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        awaitStatus("Added rule 1.");
        wait(5).until(ExpectedConditions.textToBePresentInElementLocated(By.id("fault-list"), "/data/broken"));
        screenshot("faults");

        anonymous().get("/global/scids/MockScid/data/broken.json,json").then().statusCode(503)
                .header("Retry-After", "7").body("code", equalTo("InjectedFault"));
        anonymous().get("/global/scids/MockScid/data/broken.json,json").then().statusCode(404)
                .body("code", equalTo("BlobNotFound"));

        // the live view's details name each answer's problem code
        open("requests");
        List<WebElement> rows = wait(5).until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#request-rows tbody tr"), 2));
        rows.get(1).findElement(By.tagName("button")).click();
        assertThat(browser.findElement(By.cssSelector("#request-details .error-code")).getText()).isEqualTo("InjectedFault");
        assertThat(browser.findElement(By.id("request-details")).getText()).contains("Answered by a rule of Faults.");
        click(By.cssSelector("#request-rows tbody tr:first-child button"));
        assertThat(browser.findElement(By.cssSelector("#request-details .error-code")).getText()).isEqualTo("BlobNotFound");
    }

    @Test
    void resetAfterConfirmationDropsEverything() {
        anonymous().contentType(ContentType.JSON).body("{\"stats\":{\"Wins\":{\"type\":\"Integer\",\"value\":\"1\"}}}")
                .put("/_emulator/stats/users/1/scids/S").then().statusCode(200);
        bare().urlEncodingEnabled(false).body("{}").put("/_emulator/storage/blob?namespace=/global/scids/S&name=a.json,json").then().statusCode(201);
        open("admin");
        click(By.cssSelector("#reset-form button[type=submit]"));
        wait(5).until(ExpectedConditions.alertIsPresent()).accept();
        awaitStatus("The emulator was reset.");
        bare().get("/_emulator/storage/namespaces").then().statusCode(200).body(equalTo("{\"namespaces\":[]}"));
        bare().get("/_emulator/stats/users").then().statusCode(200)
                .body(equalTo("{\"users\":[],\"pagingInfo\":{\"totalItems\":0}}"));
        screenshot("admin");
    }

    @Test
    void overviewCountsAndAuthorizationHeaderOfAMintedToken() {
        bare().urlEncodingEnabled(false).body("{}").put("/_emulator/storage/blob?namespace=/global/scids/S&name=a.json,json").then().statusCode(201);
        open("overview");
        wait(5).until(ExpectedConditions.textToBe(By.cssSelector("[data-count=blobs]"), "1"));
        screenshot("overview");

        open("admin");
        WebElement form = browser.findElement(By.id("token-form"));
        type(form, "gamertag", "WarriorSaint");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement header = wait(5).until(ExpectedConditions.visibilityOfElementLocated(By.id("authorization")));
        assertThat(header.getAttribute("value")).startsWith("Authorization: XBL3.0 x=2533274792693551;");
    }

    /**
     * Every visible text of every view (status colours, links, buttons, table heads, the live view's rows and
     * the navigation included) contrasts at least 4.5:1 with the background it is drawn on (WCAG AA for normal
     * text), computed in the page from the styles the browser applied. Disabled controls are exempt, as in WCAG.
     */
    @Test
    void everyTextHasAReadableContrast() {
        anonymous().get("/global/scids/Contrast/data/a").then().statusCode(200);
        anonymous().get("/global/scids/Contrast/data/missing.bin,binary").then().statusCode(404);
        bare().contentType(ContentType.JSON).body("{\"status\":503,\"path\":\"/never\"}").post("/_emulator/faults")
                .then().statusCode(201);
        bare().urlEncodingEnabled(false).body("{}").put("/_emulator/storage/blob?namespace=/global/scids/S&name=a.json,json")
                .then().statusCode(201);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        for (String view : List.of("overview", "storage", "stats", "requests", "faults", "admin")) {
            open(view);
            if (view.equals("requests")) {
                wait(5).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#request-rows tbody tr"), 2));
                click(By.cssSelector("#request-rows tbody tr:first-child button"));
            }
            if (view.equals("storage")) {
                click(By.xpath("//button[text()='/global/scids/S']"));
                wait(5).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section[aria-label=Blobs]"), "a.json,json"));
            }
            Object poor = js.executeScript(CONTRAST_CHECK);
            assertThat((List<?>) poor).as("texts under 4.5:1 in %s", view).isEmpty();
        }
    }

    /** Lists the visible texts whose colour contrasts less than 4.5:1 with their effective background. */
    private static final String CONTRAST_CHECK = """
            const rgba = text => { const v = text.match(/[\\d.]+/g).map(Number); return v.length === 3 ? [...v, 1] : v; };
            const luminance = ([r, g, b]) => {
              const c = [r, g, b].map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
              return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
            };
            const background = element => {
              for (let e = element; e; e = e.parentElement) {
                const colour = rgba(getComputedStyle(e).backgroundColor);
                if (colour[3] > 0) return colour;
              }
              return [255, 255, 255, 1];
            };
            const poor = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const element = node.parentElement;
              if (!node.textContent.trim() || element.closest(':disabled') || !element.getClientRects().length) continue;
              const fg = luminance(rgba(getComputedStyle(element).color)), bg = luminance(background(element));
              const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
              if (ratio < 4.5) poor.push(`${element.tagName}.${element.className} '${node.textContent.trim().slice(0, 30)}' ${ratio.toFixed(2)}:1`);
            }
            return poor;""";

    @Test
    void keyboardOnlyLabelledControlsAndANarrowWindow() {
        open("overview");
        // Tab from the page's start reaches the views' links; Enter follows one
        WebElement body = browser.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Overview");
        focused.sendKeys(Keys.TAB);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait(5).until(ExpectedConditions.attributeToBe(By.id("view"), "data-view", "storage"));

        browser.manage().window().setSize(new Dimension(360, 800));
        for (String view : List.of("overview", "storage", "stats", "requests", "faults", "admin")) {
            open(view);
            JavascriptExecutor js = (JavascriptExecutor) browser;
            Object unlabelled = js.executeScript("return [...document.querySelectorAll('input, select, textarea')]"
                    + ".filter(c => !c.closest('label') && !c.getAttribute('aria-label')).map(c => c.name)");
            assertThat((List<?>) unlabelled).as("controls without a label in %s", view).isEmpty();
            Object overflowing = js.executeScript("const width = document.documentElement.clientWidth;"
                    + "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 0.5)"
                    + ".map(e => e.tagName + (e.id ? '#' + e.id : '') + (e.name ? '[' + e.name + ']' : ''))");
            assertThat((List<?>) overflowing).as("elements wider than a 360 px window in %s", view).isEmpty();
        }
        screenshot("narrow-admin");
    }

    /**
     * Sends requests {@code first}, {@code first + LOAD_CONNECTIONS}, … of {@code total}, request {@code i} due
     * {@code i / BURST_RATE} seconds after {@code started} (late ones go at once), as keep-alive GETs on one connection (opened again
     * when the server closes it): far cheaper than an HTTP client library, so the load reaches the rate on a
     * machine the browser and the server share.
     */
    private void sendPaced(int first, int total, long started, AtomicInteger answered, AtomicInteger failed) {
        Socket socket = null;
        try {
            for (int i = first; i < total; i += LOAD_CONNECTIONS) {
                LockSupport.parkNanos(started + i * 1_000_000_000L / BURST_RATE - System.nanoTime());
                if (socket == null) {
                    socket = new Socket(InetAddress.getLoopbackAddress(), port);
                    socket.setSoTimeout(10_000);
                }
                OutputStream out = socket.getOutputStream();
                out.write(("GET /global/scids/Load/data/r" + i + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                        + PLACEHOLDER_AUTH + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String head = readResponse(socket.getInputStream());
                (head.startsWith("HTTP/1.1 200 ") ? answered : failed).incrementAndGet();
                if (head.toLowerCase(Locale.ROOT).contains("\r\nconnection: close\r\n")) {
                    socket.close();
                    socket = null;
                }
            }
        } catch (IOException e) {
            failed.incrementAndGet();
        } finally {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    failed.incrementAndGet();
                }
            }
        }
    }

    /** Reads one response with a {@code Content-Length} body (unbuffered: the next one follows on the socket); returns its head. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed in a response head");
            }
            head.append((char) b);
        }
        long length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Long.parseLong(line.substring(15).trim());
            }
        }
        in.skipNBytes(length);
        return head.toString();
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private void open(String view) {
        browser.get("http://localhost:" + port + "/_emulator/ui/#" + view);
        browser.navigate().refresh(); // a new fragment alone would not reload the page between tests
        wait(5).until(ExpectedConditions.attributeToBe(By.id("view"), "data-view", view));
    }

    private static void type(WebElement form, String name, String text) {
        WebElement input = form.findElement(By.name(name));
        input.clear();
        input.sendKeys(text);
    }

    private static void click(By by) {
        wait(5).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private static void awaitStatus(String text) {
        wait(5).until(ExpectedConditions.textToBe(By.id("status"), text));
    }

    private static WebDriverWait wait(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private static void screenshot(String name) {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot save the screenshot " + name, e);
        }
    }
}
