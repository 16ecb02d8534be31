package id.piagam.support;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A headless Debian Chromium driven through chromium-driver, at a window size, for browser tests (tag {@code browser}). */
public final class Chromium {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private Chromium() {
    }

    public static WebDriver start(int width, int height) {
        return start(width, height, null);
    }

    /** With {@code downloads}, files the page downloads go to that folder without asking. */
    public static WebDriver start(int width, int height, Path downloads) {
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver (apt-get install -y chromium chromium-driver; .ci/run does it)").exists();
        ChromeOptions options = new ChromeOptions();
        if (Files.exists(CHROMIUM)) {
            options.setBinary(CHROMIUM.toFile());
        }
        // no background traffic: the machine's network is closed, and Chromium's attempts only slow it down
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=id-ID",
                "--window-size=" + width + "," + height, "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic");
        if (downloads != null) {
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false, "safebrowsing.enabled", false));
        }
        WebDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return driver;
    }

    /**
     * Lays the page out at a phone's width: headless Chromium keeps its window at least 500 px wide,
     * whatever {@code --window-size} asks, so a narrower viewport is set through the DevTools protocol.
     */
    public static WebDriver phone(WebDriver driver, int width, int height) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
        return driver;
    }

    /**
     * What makes the page wider than the window, or empty when it fits: the page itself must never
     * scroll sideways (only a table in its own scrolling box may be wider). Names the first elements
     * that reach past the right edge outside such a box, to say what to fix.
     */
    public static List<String> tooWide(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        Number overflow = (Number) js.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        if (overflow.intValue() <= 0) {
            return List.of();
        }
        List<?> culprits = (List<?>) js.executeScript("return Array.from(document.querySelectorAll('body *')).filter(function (e) {"
                + " var box = e.parentElement && e.parentElement.closest('.table-wrap, .grid-box');"
                + " return e.getBoundingClientRect().right > window.innerWidth + 1 && !box; })"
                + ".slice(0, 5).map(function (e) { return e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right); });");
        return List.of(overflow + " px too wide: " + culprits);
    }

    /** Keeps a screenshot of the page as it stands under {@code target/screenshots/} (CI artefacts, not committed). */
    public static Path screenshot(WebDriver driver, String name) throws IOException {
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
