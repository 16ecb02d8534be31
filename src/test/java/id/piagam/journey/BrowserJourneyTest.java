package id.piagam.journey;

import id.piagam.support.ApiTest;
import id.piagam.support.Chromium;
import id.piagam.support.Fixtures;
import id.piagam.support.Images;
import id.piagam.support.Sheets;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journeys people make, in a real Chromium driven by Selenium (Debian's chromium and
 * chromium-driver; .ci/run installs them): the secretariat runs a Diklat from creation to the ZIP of
 * certificates, a participant accepts an invitation and downloads the certificate, and anyone opens
 * the verification page on a phone-sized screen. Everything goes through the pages, with the
 * keyboard where the pages are meant to be used with it; only dates are set through script, because
 * typing into a date field depends on the browser's locale. Every page a journey visits is
 * photographed whole at 1366×768 and at 390×844 into {@code target/screenshots/<journey>/}, numbered in
 * visit order ({@code 03-kegiatan-baru-390.png}), for a person to look through (CI keeps target/).
 */
@MicronautTest(transactional = false)
// drives Debian's chromium through chromium-driver; runs with -Pfull (as in CI)
@Tag("browser")
class BrowserJourneyTest extends ApiTest {

    @Inject
    EmbeddedServer server;

    /** The two widths every page is photographed at: a secretariat's laptop and a phone. */
    private static final int[][] SCREENS = {{1366, 768}, {390, 844}};
    /** Longer pages are photographed down to this height only. */
    private static final int MAX_SHOT_HEIGHT = 8000;

    private final List<WebDriver> drivers = new ArrayList<>();
    /** Every page photographed at 390 px that the phone had to scroll sideways, with what was too wide. */
    private final List<String> tooWide = new ArrayList<>();
    private Path downloads;
    private Path screenshots;
    private int shots;

    @BeforeEach
    void folders(TestInfo test) throws Exception {
        downloads = Files.createTempDirectory("piagam-unduhan");
        screenshots = Path.of("target", "screenshots", test.getTestMethod().orElseThrow().getName());
        if (Files.isDirectory(screenshots)) {
            try (var old = Files.list(screenshots)) {
                for (Path f : old.toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(screenshots);
    }

    @AfterEach
    void closeBrowsers() {
        drivers.forEach(WebDriver::quit);
        assertThat(tooWide).as("pages wider than a 390 px phone (see target/screenshots)").isEmpty();
    }

    private WebDriver browser(int width, int height) {
        WebDriver driver = Chromium.start(width, height, downloads);
        drivers.add(driver);
        return driver;
    }

    private String url(String path) {
        return server.getURL().toString() + path;
    }

    /**
     * Photographs the whole page now shown, at each of {@link #SCREENS} (the viewport is emulated, so
     * the page lays itself out for that width), as {@code NN-name-WIDTH.png}; the browser returns to
     * its own size after.
     */
    private void snap(WebDriver d, String name) {
        ChromeDriver chrome = (ChromeDriver) d;
        int n = ++shots;
        try {
            for (int[] screen : SCREENS) {
                chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", screen[0], "height", screen[1],
                        "deviceScaleFactor", 1, "mobile", false));
                Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
                Map<?, ?> content = (Map<?, ?>) metrics.get("cssContentSize");
                int height = (int) Math.min(MAX_SHOT_HEIGHT, Math.max(screen[1], ((Number) content.get("height")).doubleValue()));
                chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", screen[0], "height", height,
                        "deviceScaleFactor", 1, "mobile", false));
                if (screen[0] < 500) {
                    Chromium.tooWide(d).forEach(w -> tooWide.add(String.format("%02d-%s: %s", n, name, w)));
                }
                Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
                Files.write(screenshots.resolve(String.format("%02d-%s-%d.png", n, name, screen[0])),
                        Base64.getDecoder().decode((String) shot.get("data")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private static WebDriverWait await(WebDriver d) {
        return new WebDriverWait(d, Duration.ofSeconds(30));
    }

    private static void type(WebDriver d, String id, String text) {
        WebElement el = d.findElement(By.id(id));
        el.clear();
        el.sendKeys(text);
    }

    private static void date(WebDriver d, String id, String isoDate) {
        ((JavascriptExecutor) d).executeScript("arguments[0].value = arguments[1]", d.findElement(By.id(id)), isoDate);
    }

    private void signIn(WebDriver d, String base, String username, String password) {
        d.get(base + "/masuk");
        snap(d, "masuk");
        d.findElement(By.id("username")).sendKeys(username);
        d.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        await(d).until(ExpectedConditions.not(ExpectedConditions.urlContains("/masuk")));
    }

    /** Whether an element's page has been replaced (Chromium says so in more than one way). */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException replaced) {
            return true;
        }
    }

    /** The finished download: Chromium first leaves an empty file of the final name beside a .crdownload. */
    private File downloaded(String suffix) {
        await(drivers.get(0)).until(x -> {
            File[] files = downloads.toFile().listFiles((dir, name) -> name.endsWith(suffix));
            File[] partial = downloads.toFile().listFiles((dir, name) -> name.endsWith(".crdownload"));
            return files != null && files.length > 0 && files[0].length() > 0 && (partial == null || partial.length == 0);
        });
        return downloads.toFile().listFiles((dir, name) -> name.endsWith(suffix))[0];
    }

    /**
     * A Diklat of a realistic size: 40 sessions typed into the event form, the rows added with
     * <em>Tambah baris</em>; the attendance grid of 40 sessions saved in one submit, the scores grid
     * saved, the certificates issued.
     */
    @Test
    void aDiklatOfFortySessionsIsCreatedRecordedScoredAndIssuedFromThePages() throws Exception {
        WebDriver d = browser(1366, 768);
        signIn(d, server.getURL().toString(), "operator", "operator-secret-1");
        d.get(url("/kegiatan/baru?jenis=DIKLAT"));
        new Select(d.findElement(By.id("track"))).selectByValue("KL03");
        type(d, "title", "Pelatihan Dasar CPNS Golongan III");
        type(d, "organiser", "BPSDM Provinsi Jawa Timur");
        type(d, "place", "Malang");
        date(d, "startDate", "2026-07-01");
        date(d, "endDate", "2026-07-10");
        By topics = By.cssSelector("#sessions tbody input[name$='.topic']");
        int filled = 0;
        while (filled < 40) {
            int rows = d.findElements(topics).size();
            for (; filled < Math.min(40, rows); filled++) {
                // four sessions of 2 JP a day over ten days
                date(d, "sessions[" + filled + "].date", "2026-07-" + String.format("%02d", 1 + filled / 4));
                ((JavascriptExecutor) d).executeScript("arguments[0].value = arguments[1]; arguments[2].value = '2';",
                        d.findElement(By.id("sessions[" + filled + "].topic")), "Materi " + (filled + 1),
                        d.findElement(By.id("sessions[" + filled + "].jp")));
            }
            if (filled < 40) {
                int expected = filled + 3 + 5;
                d.findElement(By.cssSelector("#sessions button[name=tambahBaris]")).click();
                await(d).until(ExpectedConditions.numberOfElementsToBe(topics, expected));
                assertThat(d.findElement(By.id("sessions[0].topic")).getAttribute("value")).isEqualTo("Materi 1");
            }
        }
        type(d, "components[0].name", "Sikap");
        type(d, "components[0].weight", "20");
        type(d, "components[1].name", "Ujian");
        type(d, "components[1].weight", "80");
        type(d, "certificate.signatory.position", "Kepala BPSDM Provinsi Jawa Timur");
        type(d, "certificate.signatory.name", "Dr. Hadi Prasetyo, M.Si.");
        snap(d, "diklat-40-sesi");
        d.findElement(By.cssSelector("#event-form button.primary")).click();
        await(d).until(ExpectedConditions.or(ExpectedConditions.urlMatches("/kegiatan/\\d+\\?tersimpan=1$"),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#event-form p.error"))));
        assertThat(d.getCurrentUrl()).as("saved, not refused: %s", d.findElements(By.cssSelector("p.error")).stream()
                .map(WebElement::getText).toList()).matches(".*/kegiatan/\\d+\\?tersimpan=1$");
        long eventId = Long.parseLong(URI.create(d.getCurrentUrl()).getPath().replaceAll("\\D", ""));
        assertThat((List<?>) operator.get("/api/events/" + eventId).get("sessions")).hasSize(40);

        List<Long> people = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            long id = participant(2001 + n, List.of("Anisa Rahmawati", "Bambang Sutrisno", "Cahya Kurniawan").get(n));
            assertThat(operator.post("/api/events/" + eventId + "/enrolments", Map.of("participantId", id)).status()).isBetween(200, 201);
            people.add(id);
        }

        // attendance: the first two present at all 40 sessions, the third at the first session only; one Enter saves 80+ cells
        d.get(url("/kegiatan/" + eventId + "/kehadiran"));
        ((JavascriptExecutor) d).executeScript("var rows = document.querySelectorAll('#attendance tbody tr');"
                + "[0, 1].forEach(function (r) { rows[r].querySelectorAll('select').forEach(function (s) {"
                + " s.value = 'HADIR'; s.dispatchEvent(new Event('change', {bubbles: true})); }); });"
                + "var third = rows[2].querySelector('select'); third.value = 'HADIR'; third.dispatchEvent(new Event('change', {bubbles: true}));");
        snap(d, "diklat-40-kehadiran");
        WebElement first = d.findElement(By.cssSelector("#attendance tbody tr select"));
        ((JavascriptExecutor) d).executeScript("arguments[0].focus()", first);
        new org.openqa.selenium.interactions.Actions(d).sendKeys(Keys.ENTER).perform();
        await(d).until(ExpectedConditions.urlContains("tersimpan="));
        assertThat(d.findElements(By.cssSelector("#attendance tbody tr:nth-of-type(1) select")).stream()
                .map(e -> new Select(e).getFirstSelectedOption().getAttribute("value")).distinct().toList()).containsExactly("HADIR");

        // scores
        d.get(url("/kegiatan/" + eventId + "/nilai"));
        List<WebElement> rows = d.findElements(By.cssSelector("#scores tbody tr"));
        for (WebElement row : rows) {
            row.findElements(By.tagName("input")).get(0).sendKeys("88");
            row.findElements(By.tagName("input")).get(1).sendKeys("85,5");
        }
        d.findElement(By.cssSelector("#scores ~ button.primary, form button.primary")).click();
        await(d).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Nilai tersimpan."));
        snap(d, "diklat-40-nilai");

        // issue: the two who attended every session are eligible, the third is told why not
        d.get(url("/kegiatan/" + eventId));
        d.findElement(By.cssSelector("#issuing form button.primary")).click();
        await(d).until(ExpectedConditions.textToBePresentInElementLocated(By.id("job"), "Penerbitan selesai."));
        snap(d, "diklat-40-terbit");
        assertThat(d.findElement(By.tagName("main")).getText()).contains("2 memenuhi syarat");
        // both STTPs are issued: the back lists all 40 mata pelatihan (in two columns when one does not fit)
        assertThat(d.findElement(By.id("job")).getText()).contains("2 terbit").contains("0 gagal");
        assertThat(d.findElement(By.cssSelector("#eligibility")).getText()).contains("kehadiran 2,50% < 80%");
    }

    @Test
    void theSecretariatRunsADiklatFromCreationToTheZipAndItsParticipantCollectsTheCertificate() throws Exception {
        WebDriver d = browser(1366, 768);
        String base = server.getURL().toString();
        signIn(d, base, "operator", "operator-secret-1");
        assertThat(d.getCurrentUrl()).isEqualTo(url("/"));
        snap(d, "beranda");

        // 1. create the Diklat
        d.findElement(By.linkText("Kegiatan")).click();
        snap(d, "kegiatan");
        d.findElement(By.linkText("Diklat baru")).click();
        snap(d, "kegiatan-baru");
        new Select(d.findElement(By.id("track"))).selectByValue("KL03");
        type(d, "title", "Pelatihan Kearsipan Digital");
        type(d, "code", "ARSIP-1");
        type(d, "organiser", "BPSDM Provinsi Jawa Timur");
        type(d, "place", "Surabaya");
        date(d, "startDate", "2026-06-01");
        date(d, "endDate", "2026-06-02");
        date(d, "sessions[0].date", "2026-06-01");
        type(d, "sessions[0].topic", "Tata naskah dinas");
        type(d, "sessions[0].jp", "4");
        date(d, "sessions[1].date", "2026-06-02");
        type(d, "sessions[1].topic", "Arsip elektronik");
        type(d, "sessions[1].jp", "4");
        type(d, "components[0].name", "Sikap");
        type(d, "components[0].weight", "20");
        type(d, "components[1].name", "Ujian");
        type(d, "components[1].weight", "80");
        type(d, "certificate.signatory.position", "Kepala BPSDM Provinsi Jawa Timur");
        type(d, "certificate.signatory.name", "Dr. Hadi Prasetyo, M.Si.");
        snap(d, "kegiatan-baru-terisi");
        d.findElement(By.cssSelector("#event-form button.primary")).click();
        await(d).until(ExpectedConditions.urlMatches("/kegiatan/\\d+\\?tersimpan=1$"));
        long eventId = Long.parseLong(URI.create(d.getCurrentUrl()).getPath().replaceAll("\\D", ""));
        assertThat(d.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Kegiatan tersimpan.");
        snap(d, "kegiatan-tersimpan");

        // 2. import three people from an XLSX
        Map<String, Object> lulus = Fixtures.aPns(1001, "Purnamasari");
        Map<String, Object> gagal = Fixtures.aPns(1002, "Qomaruddin");
        Map<String, Object> absen = Fixtures.aPns(1003, "Rusdianto");
        Path xlsx = downloads.resolve("daftar-peserta.xlsx");
        Files.write(xlsx, Sheets.xlsx(List.of(List.of("Nama Lengkap", "NIP", "Kategori", "Instansi"),
                List.of("Purnamasari", (String) lulus.get("nip"), "PNS", "Pemkab Gresik"),
                List.of("Qomaruddin", (String) gagal.get("nip"), "PNS", "Pemkab Gresik"),
                List.of("Rusdianto", (String) absen.get("nip"), "PNS", "Pemkab Gresik"))));
        d.findElement(By.linkText("Impor peserta")).click();
        snap(d, "impor");
        d.findElement(By.id("file")).sendKeys(xlsx.toString());
        d.findElement(By.cssSelector("#upload button")).click();
        await(d).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#rows tbody tr[data-status=NEW]"), 3));
        snap(d, "impor-pratinjau");
        d.findElement(By.cssSelector("#confirm button[value=ALL]")).click();
        await(d).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Impor selesai"));
        snap(d, "impor-selesai");

        // 3. attendance with the keyboard: session 1 typed cell by cell and saved with Enter, session 2 filled as present
        d.get(url("/kegiatan/" + eventId + "/kehadiran"));
        snap(d, "kehadiran");
        List<WebElement> firstColumn = d.findElements(By.cssSelector("#attendance tbody tr td:nth-of-type(1) select"));
        ((JavascriptExecutor) d).executeScript("arguments[0].focus()", firstColumn.get(0)); // as after Tab: focused, list closed
        new org.openqa.selenium.interactions.Actions(d).sendKeys("h").sendKeys(Keys.ARROW_DOWN).sendKeys("h")
                .sendKeys(Keys.ARROW_DOWN).sendKeys("a").sendKeys(Keys.ENTER).perform();
        await(d).until(ExpectedConditions.urlContains("tersimpan="));
        List<String> statuses = d.findElements(By.cssSelector("#attendance tbody tr td:nth-of-type(1) select")).stream()
                .map(s -> new Select(s).getFirstSelectedOption().getAttribute("value")).toList();
        assertThat(statuses).containsExactly("HADIR", "HADIR", "ALPA");
        WebElement before = d.findElement(By.tagName("h1"));
        d.findElements(By.cssSelector("#attendance thead button[name=semuaHadir]")).get(1).click();
        await(d).until(x -> gone(before)); // the page after the save, not the one before
        d.findElements(By.cssSelector("#attendance tbody tr td:nth-of-type(2) select"))
                .forEach(s -> assertThat(new Select(s).getFirstSelectedOption().getAttribute("value")).isEqualTo("HADIR"));
        snap(d, "kehadiran-tersimpan");

        // 4. scores: the final score follows the typing before anything is saved
        d.get(url("/kegiatan/" + eventId + "/nilai"));
        snap(d, "nilai");
        List<WebElement> rows = d.findElements(By.cssSelector("#scores tbody tr"));
        rows.get(0).findElements(By.tagName("input")).get(0).sendKeys("90");
        rows.get(0).findElements(By.tagName("input")).get(1).sendKeys("85,5");
        assertThat(rows.get(0).findElement(By.cssSelector("output.final")).getText()).isEqualTo("86,40");
        assertThat(rows.get(0).findElement(By.cssSelector("output.band")).getText()).isNotBlank();
        rows.get(1).findElements(By.tagName("input")).get(0).sendKeys("60");
        rows.get(1).findElements(By.tagName("input")).get(1).sendKeys("61");
        assertThat(rows.get(1).findElement(By.cssSelector("output.final")).getText()).isEqualTo("60,80");
        rows.get(2).findElements(By.tagName("input")).get(0).sendKeys("80");
        rows.get(2).findElements(By.tagName("input")).get(1).sendKeys("80");
        d.findElement(By.cssSelector("#scores ~ button.primary, form button.primary")).click();
        await(d).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Nilai tersimpan."));
        snap(d, "nilai-tersimpan");

        // 5. issue all and follow the progress; who was not eligible says why
        d.get(url("/kegiatan/" + eventId));
        d.findElement(By.cssSelector("#issuing form button.primary")).click();
        await(d).until(ExpectedConditions.textToBePresentInElementLocated(By.id("job"), "Penerbitan selesai."));
        assertThat(d.findElement(By.id("job")).getText()).contains("1 terbit");
        assertThat(d.findElement(By.cssSelector("#eligibility")).getText()).contains("nilai akhir 60,80").contains("kehadiran 50,00%");
        snap(d, "kegiatan-terbit");

        // 6. the ZIP
        d.findElement(By.linkText("Unduh semua (ZIP)")).click();
        File zip = downloaded(".zip");
        try (ZipFile z = new ZipFile(zip)) {
            assertThat(z.size()).isEqualTo(1);
            assertThat(z.entries().nextElement().getName()).contains("purnamasari").endsWith(".pdf");
        }

        // 7. the participant: invitation, own password, own certificate
        d.findElement(By.linkText("Peserta")).click();
        snap(d, "peserta");
        d.findElement(By.id("q")).sendKeys((String) lulus.get("nip"), Keys.ENTER);
        await(d).until(ExpectedConditions.urlContains("q="));
        snap(d, "peserta-cari");
        d.findElement(By.cssSelector("#people tbody a")).click();
        snap(d, "peserta-purnamasari");
        // the pas foto: chosen and uploaded from the person's page, shown beside the form (photographed at 390 px too)
        Path photo = Files.write(downloads.resolve("pas-foto.jpg"), Images.passPhoto(300, 400, "jpeg", false));
        d.findElement(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
        d.findElement(By.cssSelector("#photo-form button")).click();
        await(d).until(ExpectedConditions.presenceOfElementLocated(By.id("photo-image")));
        assertThat(((Number) ((JavascriptExecutor) d).executeScript("return document.getElementById('photo-image').naturalWidth;"))
                .intValue()).as("the picture loaded").isEqualTo(300);
        snap(d, "peserta-foto");
        d.findElement(By.cssSelector("#invite button")).click();
        await(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#invitations input")));
        snap(d, "undangan-dibuat");
        String link = d.findElement(By.cssSelector("#invitations input")).getAttribute("value");
        WebDriver p = browser(390, 844);
        p.get(url(URI.create(link).getPath()));
        snap(p, "undangan");
        p.findElement(By.id("password")).sendKeys("purnama-rahasia-1");
        p.findElement(By.id("repeat")).sendKeys("purnama-rahasia-1", Keys.ENTER);
        await(p).until(ExpectedConditions.urlToBe(url("/saya")));
        snap(p, "saya");
        p.findElement(By.cssSelector("a[href^='/saya/sertifikat/']")).click();
        byte[] pdf = Files.readAllBytes(downloaded(".pdf").toPath());
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        p.findElement(By.cssSelector("form[action='/keluar'] button")).click();
        signIn(p, base, (String) lulus.get("nip"), "purnama-rahasia-1");
        assertThat(p.getCurrentUrl()).isEqualTo(url("/saya"));
        assertThat(p.findElement(By.id("trainings")).getText()).contains("Pelatihan Kearsipan Digital");
        // at phone width each training is a card: the certificate number is on screen, not scrolled away
        WebElement number = p.findElement(By.cssSelector("#trainings a[href^='/saya/sertifikat/']"));
        assertThat(number.getRect().getX() + number.getRect().getWidth()).as("certificate number within 390 px").isLessThanOrEqualTo(390);
        Number sideways = (Number) ((JavascriptExecutor) p).executeScript(
                "return document.querySelector('.table-wrap #trainings').parentElement.scrollWidth - document.querySelector('#trainings').parentElement.clientWidth");
        assertThat(sideways.intValue()).as("the trainings do not scroll sideways").isLessThanOrEqualTo(0);
        assertThat(screenshots.toFile().list((dir, name) -> name.endsWith(".png"))).as("every page at both widths").hasSize(2 * shots);
    }

    @Test
    void anyoneOpensAVerificationPageOnAPhone() {
        var s = id.piagam.support.Scenario.of(operator, Fixtures.aBimtek());
        long id = s.issue(s.attending(1004, "Sulastri")).id();
        String verifyUrl = (String) operator.get("/api/certificates/" + id).get("verifyUrl");
        WebDriver phone = browser(390, 844);
        phone.get(url(URI.create(verifyUrl).getPath()));
        snap(phone, "verifikasi");
        String text = phone.findElement(By.tagName("body")).getText();
        assertThat(text).contains("Sah dan berlaku").contains("Sulastri").contains((String) operator.get("/api/certificates/" + id).get("number"));
        Number overflow = (Number) ((JavascriptExecutor) phone).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue()).as("no sideways scrolling at phone width").isLessThanOrEqualTo(0);
    }
}
