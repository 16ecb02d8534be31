package id.piagam.journey;

import id.piagam.support.ApiTest;
import id.piagam.support.Chromium;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import id.piagam.support.Sheets;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attendance grid and the event form in a real Chromium: a cell reached with the mouse takes
 * the letter typed (the native list does not open and swallow the keys), unsaved cells are counted
 * and leaving asks first, one Enter saves the cells of every session; the names stay in sight while
 * the grid scrolls at phone width; the event form gives the topic its room. Screenshots of both
 * pages at 1366 and 390 px are kept under target/screenshots.
 */
@MicronautTest(transactional = false)
@Tag("browser")
class GridAndEventFormBrowserTest extends ApiTest {

    @Inject
    EmbeddedServer server;

    private final List<WebDriver> drivers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        drivers.forEach(WebDriver::quit);
    }

    private WebDriver signedIn(int width, int height) {
        WebDriver d = Chromium.start(width, height);
        drivers.add(d);
        d.get(url("/masuk"));
        d.findElement(By.id("username")).sendKeys("operator");
        d.findElement(By.id("password")).sendKeys("operator-secret-1", Keys.ENTER);
        new WebDriverWait(d, Duration.ofSeconds(30)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/masuk")));
        return d;
    }

    private String url(String path) {
        return server.getURL().toString() + path;
    }

    private static Object script(WebDriver d, String js, Object... args) {
        return ((JavascriptExecutor) d).executeScript(js, args);
    }

    private static String value(WebDriver d, String id) {
        return new Select(d.findElement(By.id(id))).getFirstSelectedOption().getAttribute("value");
    }

    @Test
    void clickThenTypeRecordsTheLetterTypedAndOneEnterSavesEverySession() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek().withSessions(4, 4));
        long ani = s.absent(1101, "Ani Lestari");
        long budi = s.absent(1102, "Budi Santoso");
        long first = s.sessionIds.get(0);
        long second = s.sessionIds.get(1);
        WebDriver d = signedIn(1366, 900);
        d.get(url("/kegiatan/" + s.eventId + "/kehadiran"));
        WebElement form = d.findElement(By.id("attendance-form"));
        assertThat(form.getAttribute("data-unsaved")).isEqualTo("0");

        // session 2 first, reached with the mouse: a click, then the letters and arrows of the grid
        d.findElement(By.id("s" + second + ".p" + ani)).click();
        new Actions(d).sendKeys("t").sendKeys(Keys.ARROW_DOWN).sendKeys("i").perform();
        assertThat(value(d, "s" + second + ".p" + ani)).isEqualTo("TERLAMBAT");
        assertThat(value(d, "s" + second + ".p" + budi)).isEqualTo("IZIN");
        assertThat(form.getAttribute("data-unsaved")).isEqualTo("2");
        assertThat(d.findElement(By.cssSelector("#attendance-form .unsaved-note")).getText()).isEqualTo("2 sel belum disimpan.");
        Boolean asks = (Boolean) script(d, "var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;");
        assertThat(asks).as("leaving with unsaved cells asks first").isTrue();

        // then session 1, and Enter there saves both columns
        d.findElement(By.id("s" + first + ".p" + ani)).click();
        new Actions(d).sendKeys("h").sendKeys(Keys.ARROW_DOWN).sendKeys("s").perform();
        Chromium.screenshot(d, "kehadiran-1366");
        new Actions(d).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(d, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("tersimpan=4"));
        assertThat(value(d, "s" + first + ".p" + ani)).isEqualTo("HADIR");
        assertThat(value(d, "s" + first + ".p" + budi)).isEqualTo("SAKIT");
        assertThat(value(d, "s" + second + ".p" + ani)).isEqualTo("TERLAMBAT");
        assertThat(value(d, "s" + second + ".p" + budi)).isEqualTo("IZIN");
        assertThat(d.findElement(By.id("attendance-form")).getAttribute("data-unsaved")).isEqualTo("0");
        asks = (Boolean) script(d, "var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;");
        assertThat(asks).as("nothing left to lose").isFalse();
    }

    @Test
    void atPhoneWidthTheGridScrollsInItsBoxWithTheNamesInSight() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek().withSessions(2, 2, 2, 2, 2, 2, 2, 2));
        s.absent(1103, "Citra Dewi Anggraini");
        s.absent(1104, "Dodi Pratama");
        WebDriver d = Chromium.phone(signedIn(390, 844), 390, 844);
        d.get(url("/kegiatan/" + s.eventId + "/kehadiran"));
        assertThat(((Number) script(d, "return window.innerWidth;")).intValue()).isEqualTo(390);
        Chromium.screenshot(d, "kehadiran-390");
        assertThat(Chromium.tooWide(d)).as("the page itself does not scroll sideways").isEmpty();
        WebElement box = d.findElement(By.cssSelector(".grid-box"));
        script(d, "arguments[0].scrollLeft = 600;", box);
        Number boxScrolled = (Number) script(d, "return arguments[0].scrollLeft;", box);
        assertThat(boxScrolled.intValue()).as("the grid scrolls inside its box").isGreaterThan(0);
        WebElement name = d.findElement(By.cssSelector("#attendance tbody th[scope=row]"));
        Number left = (Number) script(d, "return arguments[0].getBoundingClientRect().left - arguments[1].getBoundingClientRect().left;", name, box);
        assertThat(left.intValue()).as("the name stays at the box's left edge").isBetween(-1, 1);
        Chromium.screenshot(d, "kehadiran-390-digeser");
    }

    @Test
    void theEventFormGivesTheTopicItsRoomAtBothWidths() throws Exception {
        WebDriver wide = signedIn(1366, 900);
        wide.get(url("/kegiatan/baru?jenis=DIKLAT"));
        Number topic = (Number) script(wide, "return arguments[0].getBoundingClientRect().width;", wide.findElement(By.id("sessions[0].topic")));
        assertThat(topic.intValue()).as("the topic input at 1366 px").isGreaterThanOrEqualTo(240);
        for (String other : List.of("sessions[0].date", "sessions[0].jp", "sessions[0].facilitator")) {
            Number w = (Number) script(wide, "return arguments[0].getBoundingClientRect().width;", wide.findElement(By.id(other)));
            assertThat(topic.intValue()).as("wider than " + other).isGreaterThan(w.intValue());
        }
        // a refused save (a session with a topic but no date nor JP): the messages under the row are as wide as the row
        wide.findElement(By.id("sessions[0].topic")).sendKeys("Tata naskah dinas");
        wide.findElement(By.cssSelector("#event-form button.primary")).click();
        WebElement error = new WebDriverWait(wide, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sessions tr.row-errors p.error")));
        assertThat(error.getText()).startsWith("Tanggal 1: ");
        Number errorWidth = (Number) script(wide, "return arguments[0].getBoundingClientRect().width;", error);
        Number rowWidth = (Number) script(wide, "return arguments[0].closest('tr').getBoundingClientRect().width;", error);
        assertThat(errorWidth.doubleValue()).isGreaterThan(rowWidth.doubleValue() * 0.9);
        script(wide, "arguments[0].scrollIntoView()", error);
        Chromium.screenshot(wide, "kegiatan-form-1366");

        WebDriver phone = Chromium.phone(signedIn(390, 844), 390, 844);
        phone.get(url("/kegiatan/baru?jenis=DIKLAT"));
        script(phone, "document.getElementById('sessions').scrollIntoView()");
        Chromium.screenshot(phone, "kegiatan-form-390");
        assertThat(Chromium.tooWide(phone)).as("the page itself does not scroll sideways").isEmpty();
    }

    @Test
    void addingRowsToANewDiklatUntilItHoldsFortySessions() {
        WebDriver d = signedIn(1366, 900);
        d.get(url("/kegiatan/baru?jenis=DIKLAT"));
        d.findElement(By.id("title")).sendKeys("Latihan Dasar CPNS");
        By topics = By.cssSelector("#sessions tbody input[name$='.topic']");
        int filled = 0;
        while (d.findElements(topics).size() < 45) {
            int rows = d.findElements(topics).size();
            for (; filled < rows - 3; filled++) {
                d.findElement(By.id("sessions[" + filled + "].topic")).sendKeys("Materi " + (filled + 1));
            }
            d.findElement(By.cssSelector("#sessions button[name=tambahBaris]")).click();
            new WebDriverWait(d, Duration.ofSeconds(30)).until(ExpectedConditions.numberOfElementsToBe(topics, filled + 3 + 5));
        }
        assertThat(d.findElement(By.id("title")).getAttribute("value")).isEqualTo("Latihan Dasar CPNS");
        assertThat(d.findElement(By.id("sessions[0].topic")).getAttribute("value")).isEqualTo("Materi 1");
    }

    /** How much wider the widest choice of each select is than the room it has for text (none > 0 when every choice reads whole). */
    private static List<?> cutChoices(WebDriver d) {
        return (List<?>) script(d, "var ctx = document.createElement('canvas').getContext('2d');"
                + "return Array.from(document.querySelectorAll('#attendance td select')).map(function (s) {"
                + " var cs = getComputedStyle(s); ctx.font = cs.font;"
                + " var widest = Math.max.apply(null, Array.from(s.options).map(function (o) { return ctx.measureText(o.text).width; }));"
                + " var room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20;"
                + " return Math.ceil(widest - room); }).filter(function (cut) { return cut > 0; });");
    }

    /** Whether an element lies within the window's width (as a person sees it without scrolling sideways). */
    private static boolean inSight(WebDriver d, WebElement e) {
        return (Boolean) script(d, "var r = arguments[0].getBoundingClientRect(); return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth;", e);
    }

    @Test
    void atPhoneWidthEveryChoiceOfTheGridReadsWholeInEitherLanguage() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aBimtek().with("title", "Bimtek Arsip").withSessions(2, 2));
        s.absent(1105, "Eko Prasetyo");
        WebDriver d = Chromium.phone(signedIn(390, 844), 390, 844);
        for (String language : List.of("id", "en")) {
            d.get(url("/bahasa/" + language));
            d.get(url("/kegiatan/" + s.eventId + "/kehadiran"));
            assertThat(cutChoices(d)).as("choices cut off (px) in %s", language).isEmpty();
            assertThat(Chromium.tooWide(d)).isEmpty();
        }
        Chromium.screenshot(d, "kehadiran-390-english");
    }

    @Test
    void atPhoneWidthTheEventScoresAndImportReadWhole() throws Exception {
        Scenario s = Scenario.of(operator, Fixtures.aDiklat().with("title", "Pelatihan Kepemimpinan Pengawas"));
        long lulus = s.attending(1106, "Fitri Handayani");
        long gagal = s.absent(1107, "Galih Permana Putra Wijayakusuma");
        s.scored(lulus, 90, 85.5).scored(gagal, 60, 61);
        WebDriver d = Chromium.phone(signedIn(390, 844), 390, 844);

        // the dashboard: each recent event a card, its counts in sight beside its title, not behind a sideways scroll
        d.get(url("/"));
        WebElement issuedCount = d.findElement(By.cssSelector("table.cards > tbody > tr:first-child > td:nth-of-type(5)"));
        assertThat(inSight(d, issuedCount)).as("the dashboard's issued count at 390 px").isTrue();
        assertThat(Chromium.tooWide(d)).isEmpty();

        // the event: each participant a card, the reasons why not in sight and whole
        d.get(url("/kegiatan/" + s.eventId));
        WebElement reasons = d.findElement(By.cssSelector("#eligibility tr[data-participant='" + gagal + "'] td:nth-of-type(4)"));
        assertThat(reasons.getText()).contains("kehadiran 0,00%").contains("nilai akhir 60,80 < 70");
        assertThat(inSight(d, reasons)).as("the reasons at 390 px").isTrue();
        assertThat(Chromium.tooWide(d)).isEmpty();
        Chromium.screenshot(d, "kegiatan-390");

        // the scores: the final score and kualifikasi beside each person's scores, without scrolling sideways
        d.get(url("/kegiatan/" + s.eventId + "/nilai"));
        WebElement row = d.findElement(By.cssSelector("#scores tr[data-participant='" + lulus + "']"));
        assertThat(row.findElements(By.tagName("input")).get(1).getAttribute("value")).isEqualTo("85,5");
        assertThat(inSight(d, row.findElement(By.cssSelector("output.final")))).as("the final score at 390 px").isTrue();
        assertThat(row.findElement(By.cssSelector("output.final")).getText()).isEqualTo("86,40");
        assertThat(inSight(d, row.findElement(By.cssSelector("output.band")))).as("the kualifikasi at 390 px").isTrue();
        assertThat(Chromium.tooWide(d)).isEmpty();
        Chromium.screenshot(d, "nilai-390");

        // the import preview: a new row has nothing to explain, so no empty "Keterangan" heading
        Path xlsx = Files.createTempFile("peserta", ".xlsx");
        Map<String, Object> baru = Fixtures.aPns(1108, "Hana Pertiwi");
        Files.write(xlsx, Sheets.xlsx(List.of(List.of("Nama Lengkap", "NIP", "Kategori"), List.of("Hana Pertiwi", (String) baru.get("nip"), "PNS"),
                List.of("Indra", "123", "PNS"))));
        d.get(url("/kegiatan/" + s.eventId + "/impor"));
        d.findElement(By.id("file")).sendKeys(xlsx.toString());
        d.findElement(By.cssSelector("#upload button")).click();
        new WebDriverWait(d, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rows tbody tr[data-status=NEW]")));
        List<WebElement> cells = d.findElements(By.cssSelector("#rows tbody tr[data-status=NEW] > td"));
        assertThat(cells.get(3).isDisplayed()).as("the empty Keterangan of a new row").isFalse();
        WebElement invalid = d.findElement(By.cssSelector("#rows tbody tr[data-status=INVALID] > td:nth-of-type(4)"));
        assertThat(invalid.isDisplayed()).isTrue();
        assertThat(inSight(d, invalid)).isTrue();
        assertThat(Chromium.tooWide(d)).isEmpty();
        Chromium.screenshot(d, "impor-pratinjau-390");
        Files.delete(xlsx);
    }
}
