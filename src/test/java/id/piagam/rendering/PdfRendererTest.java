package id.piagam.rendering;

import id.piagam.Digests;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default templates rendered with OpenPDF and read back as a person (or a validator) would. */
class PdfRendererTest {

    private static TemplateModel sttp;
    private static TemplateModel attendance;
    private final PdfRenderer renderer = new PdfRenderer();

    @BeforeAll
    static void load() {
        TemplateParser parser = new TemplateParser(Path.of("templates"));
        sttp = parser.parse("sttp-diklat");
        attendance = parser.parse("sertifikat-keikutsertaan");
    }

    static RenderInput input(String name, String url) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String key : TemplateFields.ALL) {
            f.put(key, "");
        }
        f.put("participant.name", name);
        f.put("participant.idLine", "NIP. 19671203 199403 1 009");
        f.put("participant.birth", "Pamekasan, 3 Desember 1967");
        f.put("participant.pangkatGolongan", "Pembina (IV/a)");
        f.put("participant.jabatan", "Kepala Bidang Pengembangan Kompetensi");
        f.put("participant.instansi", "Pemerintah Kabupaten Pamekasan");
        f.put("event.title", "Pelatihan Dasar Pengadaan Barang/Jasa Pemerintah");
        f.put("event.organiser", "BPSDM Provinsi Jawa Timur");
        f.put("event.place", "Surabaya");
        f.put("event.dateRange", "2\u20136 Maret 2026");
        f.put("event.jpWords", "40 (empat puluh)");
        f.put("certificate.title", "SURAT TANDA TAMAT PELATIHAN");
        f.put("certificate.number", "800.2.4.2/0042/BPSDM/2026");
        f.put("certificate.issueLine", "Surabaya, 6 Maret 2026");
        f.put("certificate.verifyUrl", url);
        f.put("result.finalScore", "86,45");
        f.put("result.kualifikasi", "MEMUASKAN");
        f.put("signatory.prefix", "a.n.");
        f.put("signatory.position", "Kepala BPSDM Provinsi Jawa Timur");
        f.put("signatory.name", "Dr. Ir. Hadi Prasetyo, M.Si.");
        f.put("signatory.nipLine", "NIP. 19710512 199603 1 002");
        return new RenderInput(f, List.of(new RenderInput.CurriculumRow("Kebijakan pengadaan", 4),
                new RenderInput.CurriculumRow("Pemilihan penyedia", 36)),
                List.of(new RenderInput.ScoreRow("Sikap", new BigDecimal("20"), new BigDecimal("90.00")),
                        new RenderInput.ScoreRow("Ujian", new BigDecimal("80"), new BigDecimal("85.56"))), url, "STTP");
    }

    @Test
    void theNameAndNumberComeOutOfTheTextAndTheCurriculumIsOnTheBack() throws Exception {
        byte[] pdf = renderer.render(sttp, input("Dr. Siti Aminah, S.E., M.M.", "https://piagam.example.go.id/verify/abc"));
        assertThat(PdfChecks.pages(pdf)).isEqualTo(2);
        String front = PdfChecks.text(pdf, 1);
        assertThat(front).contains("SURAT TANDA TAMAT PELATIHAN").contains("Dr. Siti Aminah, S.E., M.M.")
                .contains("800.2.4.2/0042/BPSDM/2026").contains("MEMUASKAN").contains("40 (empat puluh)");
        String back = PdfChecks.text(pdf, 2);
        assertThat(back).contains("AGENDA PEMBELAJARAN").contains("Kebijakan pengadaan").contains("Pemilihan penyedia").contains("Jumlah 40")
                .contains("HASIL PENILAIAN").contains("85,56").contains("Nilai akhir").contains("86,45").contains("Kualifikasi MEMUASKAN");
    }

    /** The back page as a reader checks it: the final score and its band each on a line of its own, the tables in black, the signer whole. */
    @Test
    void theBackPageStatesTheFinalScoreOnOneLineInBlackAndSignsAsTheFrontDoes() throws Exception {
        RenderInput base = input("Budi Santoso", "https://x/verify/a");
        Map<String, String> f = new LinkedHashMap<>(base.fields());
        f.put("result.finalScore", "72,56");
        f.put("result.kualifikasi", "CUKUP MEMUASKAN");
        f.put("signatory.pangkat", "Pembina Utama Muda (IV/c)");
        byte[] pdf = renderer.render(sttp, new RenderInput(f, base.curriculum(), base.scores(), base.qrContent(), base.documentTitle()));

        List<String> back = PdfChecks.lines(pdf, 2);
        assertThat(back).as(String.join(" | ", back)).contains("Nilai akhir 72,56", "Kualifikasi CUKUP MEMUASKAN");
        assertThat(PdfChecks.colourOf(pdf, 2, "Sikap")).containsExactly(0f, 0f, 0f);
        assertThat(PdfChecks.colourOf(pdf, 2, "Kebijakan pengadaan")).containsExactly(0f, 0f, 0f);
        assertThat(back).containsSubsequence("Dr. Ir. Hadi Prasetyo, M.Si.", "Pembina Utama Muda (IV/c)", "NIP. 19710512 199603 1 002");
        assertThat(PdfChecks.text(pdf, 1)).contains("Dr. Ir. Hadi Prasetyo, M.Si.").contains("Pembina Utama Muda (IV/c)");
    }

    /** DOMAIN.md: "a.n. {office}," and "{position}," are lines of their own, however long the office's name. */
    @ParameterizedTest
    @ValueSource(strings = {"sertifikat-keikutsertaan", "sttp-diklat"})
    void theSignatorysPositionStartsALineOfItsOwnUnderTheOfficeItSignsFor(String name) throws Exception {
        RenderInput base = input("Budi Santoso", "https://x/verify/a");
        Map<String, String> f = new LinkedHashMap<>(base.fields());
        f.put("signatory.heading", "a.n.  Kepala Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur,\r\n  Sekretaris,");
        byte[] pdf = renderer.render(name.equals("sttp-diklat") ? sttp : attendance,
                new RenderInput(f, base.curriculum(), base.scores(), base.qrContent(), base.documentTitle()));

        List<String> lines = PdfChecks.lines(pdf, 1);
        assertThat(lines).contains("Sekretaris,").noneMatch(l -> l.contains("Timur, Sekretaris"));
        assertThat(lines.get(lines.indexOf("Sekretaris,") - 1)).endsWith("Provinsi Jawa Timur,");
    }

    @Test
    void aTextIsPrintedWithItsSpacesCollapsedAndItsLineBreaksKeptOnlyWhereItMayWrap() {
        assertThat(PdfRenderer.flatten("  a.n. \t Kepala,\r\n\n  Sekretaris, ", true)).isEqualTo("a.n. Kepala,\nSekretaris,");
        assertThat(PdfRenderer.flatten("  a.n. \t Kepala,\r\n\n  Sekretaris, ", false)).isEqualTo("a.n. Kepala, Sekretaris,");
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 60})
    void aLongCurriculumOfFortyOrSixtyMataPelatihanIsPrintedWholeOnTheBack(int topics) throws Exception {
        RenderInput base = input("Budi Santoso", "https://x/verify/a");
        List<RenderInput.CurriculumRow> rows = new ArrayList<>();
        for (int i = 1; i <= topics; i++) {
            rows.add(new RenderInput.CurriculumRow("Mata pelatihan " + i + ": aktualisasi nilai dasar ASN di unit kerja", 2));
        }
        byte[] pdf = renderer.render(sttp, new RenderInput(base.fields(), rows, base.scores(), base.qrContent(), base.documentTitle()));

        assertThat(PdfChecks.pages(pdf)).isEqualTo(2);
        String back = PdfChecks.text(pdf, 2).replaceAll("\\s+", " ");
        assertThat(back).contains("Mata pelatihan 1:").contains("Mata pelatihan " + topics + ":").contains(topics + ".")
                .contains("Jumlah " + (2 * topics)).contains("Nilai akhir");
    }

    @Test
    void theQrCodeOnThePageDecodesToTheVerificationUrl() throws Exception {
        String url = "https://piagam.example.go.id/verify/Zx9_-Qw3ErTy7UiOpAsDfGhJkLz";
        assertThat(PdfChecks.qr(renderer.render(sttp, input("Budi Santoso", url)), 0)).isEqualTo(url);
        assertThat(PdfChecks.qr(renderer.render(attendance, input("Budi Santoso", url)), 0)).isEqualTo(url);
    }

    @Test
    void fontsAreEmbeddedAsSubsets() throws Exception {
        List<String> fonts = PdfChecks.embeddedFonts(renderer.render(attendance, input("Budi Santoso", "https://x/verify/a")));
        assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f).matches("[A-Z]{6}\\+DejaVuSerif.*").doesNotContain("not embedded"));
    }

    @Test
    void eachFontSubsetOfADocumentHasATagOfItsOwn() throws Exception {
        for (int i = 0; i < 20; i++) {
            List<String> fonts = PdfChecks.embeddedFonts(renderer.render(sttp, input("Budi Santoso " + i, "https://x/verify/" + i)));
            assertThat(fonts).hasSizeGreaterThan(1).allSatisfy(f -> assertThat(f).matches("[A-Z]{6}\\+DejaVuSerif.*"));
            assertThat(fonts.stream().map(f -> f.substring(0, 7)).distinct()).as("subset tags of one document").hasSameSizeAs(fonts);
        }
    }

    /**
     * Two participants of one event get the same font subsets, byte for byte (so storage keeps them once and the
     * subset is computed once), and each still finds their own name in the text (issue #14).
     */
    @Test
    void twoPeopleOfOneEventShareTheirFontProgramsByteForByteAndKeepTheirOwnNames() throws Exception {
        // the printed link's code is base64url: '-' in one, '_' in another
        byte[] budi = renderer.render(sttp, input("Budi Santoso", "https://x/verify/Qa-9"));
        byte[] siti = renderer.render(sttp, input("Siti Rahmawati Kusumaningrum", "https://x/verify/zB_0"));

        assertThat(PdfChecks.text(budi, 1)).contains("Budi Santoso").doesNotContain("Siti");
        assertThat(PdfChecks.text(siti, 1)).contains("Siti Rahmawati Kusumaningrum").doesNotContain("Budi");
        Map<String, byte[]> a = PdfChecks.fontPrograms(budi);
        Map<String, byte[]> b = PdfChecks.fontPrograms(siti);
        assertThat(a).containsOnlyKeys("DejaVuSerif", "DejaVuSerif-Bold");
        assertThat(b.keySet()).isEqualTo(a.keySet());
        a.forEach((font, program) -> assertThat(Digests.sha256(b.get(font))).as(font + ", byte for byte").isEqualTo(Digests.sha256(program)));
        assertThat(renderer.subsetsComputed()).as("subsets computed for two documents of two fonts").isEqualTo(2);
    }

    /** The same as a reader's tool sees it: poppler's pdftotext finds each person's own name, accented letters too. */
    @Test
    @Tag("tools")
    void pdftotextReadsEachPersonsOwnNameFromTheSharedSubsets(@TempDir Path dir) throws Exception {
        String accented = "Andr\u00e9 M\u00fcller \u1e62\u0101li\u1e25";
        for (String name : List.of("Budi Santoso", "Siti Rahmawati Kusumaningrum", accented)) {
            Path file = dir.resolve(name.length() + ".pdf");
            Files.write(file, renderer.render(sttp, input(name, "https://x/verify/" + name.length())));
            Process p = new ProcessBuilder("pdftotext", "-f", "1", "-l", "1", file.toString(), "-").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(text).as(name).contains(name);
        }
    }

    /** A letter outside ASCII is in its own document's subset: it prints, and the PDF stays PDF/A-1b. */
    @Test
    void aNameWithALetterOutsideAsciiPrintsItInItsOwnSubsetAndStaysPdfA() throws Exception {
        byte[] plain = renderer.render(sttp, input("Andi Saleh", "https://x/verify/a"));
        String name = "Andr\u00e9 M\u00fcller \u1e62\u0101li\u1e25 O\u2019Neil";
        byte[] accented = renderer.render(sttp, input(name, "https://x/verify/b"));
        byte[] again = renderer.render(sttp, input(name, "https://x/verify/c"));

        assertThat(PdfChecks.text(accented, 1)).contains(name);
        ValidationResult result = PdfChecks.pdfA1b(accented);
        assertThat(result.isCompliant()).as(result.getTestAssertions().stream().filter(a -> a.getStatus() != TestAssertion.Status.PASSED)
                .map(a -> a.getRuleId().getClause() + " " + a.getMessage()).distinct().toList().toString()).isTrue();
        assertThat(Digests.sha256(PdfChecks.fontPrograms(accented).get("DejaVuSerif-Bold"))).as("the name's font, with its letters")
                .isNotEqualTo(Digests.sha256(PdfChecks.fontPrograms(plain).get("DejaVuSerif-Bold")))
                .isEqualTo(Digests.sha256(PdfChecks.fontPrograms(again).get("DejaVuSerif-Bold")));
    }

    /** Each name with other letters is another glyph set; a font keeps a few dozen, the least recently used dropped. */
    @Test
    void theSubsetsKeptPerFontAreBounded() throws Exception {
        int names = PdfRenderer.SUBSETS_PER_FONT + 10;
        for (int i = 0; i < names; i++) {
            String name = "Budi " + (char) (0xC0 + i) + " Santoso"; // \u00c0, \u00c1, ...: one letter of Latin-1 each
            assertThat(PdfChecks.text(renderer.render(sttp, input(name, "https://x/verify/" + i)), 1)).contains(name);
        }
        assertThat(renderer.mostSubsetsKept()).isEqualTo(PdfRenderer.SUBSETS_PER_FONT);
        assertThat(renderer.subsetsComputed()).as("the bold name's font once per name, the regular font once")
                .isEqualTo(names + 1);
    }

    @Test
    void bothDefaultTemplatesAreValidPdfA1b() throws Exception {
        for (TemplateModel t : List.of(sttp, attendance)) {
            ValidationResult result = PdfChecks.pdfA1b(renderer.render(t, input("Budi Santoso", "https://x/verify/a")));
            assertThat(result.isCompliant())
                    .as(t.name() + ": " + result.getTestAssertions().stream().filter(a -> a.getStatus() != TestAssertion.Status.PASSED)
                            .map(a -> a.getRuleId().getClause() + " " + a.getMessage()).distinct().toList())
                    .isTrue();
        }
    }

    @Test
    void aJpegBackgroundIsEmbeddedAsIs(@org.junit.jupiter.api.io.TempDir Path root) throws Exception {
        java.nio.file.Files.createDirectories(root.resolve("fonts"));
        java.nio.file.Files.copy(Path.of("templates/fonts/DejaVuSerif.ttf"), root.resolve("fonts/DejaVuSerif.ttf"));
        java.nio.file.Files.createDirectories(root.resolve("bg"));
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(300, 200, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 300; x++) {
            for (int y = 0; y < 200; y++) {
                img.setRGB(x, y, (x * 7 + y * 13) & 0xFFFFFF);
            }
        }
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "jpeg", jpeg);
        java.nio.file.Files.write(root.resolve("bg/bg.jpg"), jpeg.toByteArray());
        java.nio.file.Files.writeString(root.resolve("bg/template.yml"), """
                title: Latar
                kinds: [ATTENDANCE]
                page: {size: A4, orientation: landscape}
                fonts: {serif: ../fonts/DejaVuSerif.ttf}
                pages:
                  - background: bg.jpg
                    elements:
                      - {type: text, text: "{{participant.name}}", x: 20, y: 80, width: 200, font: serif, size: 20}
                """);
        byte[] pdf = renderer.render(new TemplateParser(root).parse("bg"), input("Budi Santoso", "https://x/verify/a"));
        assertThat(java.util.Collections.indexOfSubList(toList(pdf), toList(jpeg.toByteArray()))).isPositive();
        assertThat(PdfChecks.text(pdf, 1)).contains("Budi Santoso");
    }

    private static List<Byte> toList(byte[] bytes) {
        List<Byte> list = new java.util.ArrayList<>(bytes.length);
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }

    @Test
    void theValidatorRejectsAnOrdinaryPdf() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        PdfMerger.merge(List.of(renderer.render(attendance, input("Budi Santoso", "https://x/verify/a"))).iterator(), out);
        assertThat(PdfChecks.pdfA1b(out.toByteArray()).isCompliant()).isFalse();
    }

    @Test
    void aNameInAScriptTheFontLacksIsRefusedNotPrintedAsBoxes() {
        assertThatThrownBy(() -> renderer.render(sttp, input("\u738b\u5c0f\u660e", "https://x/verify/a")))
                .isInstanceOf(UnprintableTextException.class)
                .hasMessageContaining("\u738b")
                .satisfies(e -> assertThat(((UnprintableTextException) e).element()).isEqualTo("name"));
        // accented Latin names are fine
        assertThat(renderer.render(sttp, input("Andr\u00e9 Nur\u00e9 \u00c7akra", "https://x/verify/a"))).isNotEmpty();
    }

    @Test
    void aVeryLongNameShrinksToFitAndIsStillPrintedWhole() throws Exception {
        String longName = "Prof. Dr. Ir. Raden Mas Haryo Bagus Wicaksono Adiningrat Purbonegoro Sastrowijoyo, S.T., M.T., M.Sc., Ph.D.";
        byte[] pdf = renderer.render(attendance, input(longName, "https://x/verify/a"));
        assertThat(PdfChecks.text(pdf, 1)).contains("Purbonegoro Sastrowijoyo");
    }

    @Test
    void staysWithinTheSizeBudget() {
        assertThat(renderer.render(sttp, input("Budi Santoso", "https://x/verify/a")).length).isLessThanOrEqualTo(80 * 1024);
        assertThat(renderer.render(attendance, input("Budi Santoso", "https://x/verify/a")).length).isLessThanOrEqualTo(80 * 1024);
    }

    /**
     * The PDF is written into a buffer sized from the template's previous document (issue #14 point 1: growing a
     * 48 KB buffer to the 314 KB of a certificate printed over a 256 KB background copied it three times and
     * allocated 720 KB per certificate, the largest allocation of a bulk issue's render threads after OpenPDF's own).
     */
    @Test
    void aDocumentOverALargeBackgroundIsWrittenWithoutGrowingItsBuffer(@org.junit.jupiter.api.io.TempDir Path root) throws Exception {
        TemplateModel withBackground = new TemplateParser(id.piagam.support.Images.templatesWithBackground(root, "bg",
                id.piagam.support.Images.noisyJpeg(256 * 1024))).parse("bg");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        int pdfBytes = renderer.render(withBackground, input("Peserta 0", "https://x/verify/0")).length;
        long before = threads.getCurrentThreadAllocatedBytes();
        int renders = 5;
        for (int i = 1; i <= renders; i++) {
            renderer.render(withBackground, input("Peserta " + i, "https://x/verify/" + i));
        }
        long perRender = (threads.getCurrentThreadAllocatedBytes() - before) / renders;
        System.out.printf("PdfRendererTest: %d KB allocated per render of a %d KB PDF%n", perRender / 1024, pdfBytes / 1024);
        assertThat(pdfBytes).as("the PDF carries the background").isGreaterThan(256 * 1024);
        // the document once in its buffer and once as the result, OpenPDF's own streams and the rest of a render
        assertThat(perRender).as("bytes allocated per render").isLessThan(OTHER_THAN_OUTPUT + 2L * pdfBytes + 32 * 1024);
    }

    /** What a render of this template allocates besides its output (measured: 1,670 KB in all with a 304 KB PDF, 2,166 KB when the buffer grew). */
    private static final long OTHER_THAN_OUTPUT = 1150 * 1024;

    /**
     * The agency's logo comes with every certificate's content as bytes: it is decoded once for all of them (decoding
     * it for each was 29 % of a bulk issue, issue #14), and each certificate still prints it.
     */
    @Test
    void theLogoEveryCertificatePrintsIsDecodedOnceAndPrintedOnEach() throws Exception {
        byte[] logo = Files.readAllBytes(Path.of("templates/images/logo.png"));
        List<byte[]> pdfs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RenderInput withLogo = input("Peserta " + i, "https://piagam.example.go.id/verify/" + i)
                    .with(Map.of(), Map.of("agency.logo", logo.clone()));
            pdfs.add(renderer.render(sttp, withLogo));
        }

        assertThat(renderer.givenDecoded()).as("logo decodings for three certificates").isEqualTo(1);
        for (byte[] pdf : pdfs) {
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                assertThat(doc.getPage(0).getResources().getXObjectNames()).as("pictures on the front").isNotEmpty();
            }
        }
        byte[] other = renderer.render(sttp, input("Peserta lain", "https://piagam.example.go.id/verify/x")
                .with(Map.of(), Map.of("agency.logo", Files.readAllBytes(Path.of("templates/images/signature.png")))));
        assertThat(renderer.givenDecoded()).as("another picture is decoded for itself").isEqualTo(2);
        assertThat(other).isNotEmpty();
    }

    /**
     * A wrapped text that is the same on every certificate of an event (the statement, the agency, the signatory's
     * heading) is fitted to its lines once, not laid out a second time for each certificate (issue #14); each
     * certificate still prints it whole, and a text of its own (a long name of an institution) is fitted for itself.
     */
    @Test
    void aWrappedTextTheSameOnEveryCertificateIsFittedOnceAndPrintedOnEach() throws Exception {
        renderer.render(sttp, input("Peserta 0", "https://piagam.example.go.id/verify/0"));
        int fittedForOne = renderer.fittings();
        int laidOutForOne = renderer.layouts();
        assertThat(fittedForOne).as("wrapped texts fitted for the first certificate").isPositive();

        List<byte[]> pdfs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            pdfs.add(renderer.render(sttp, input("Peserta " + i, "https://piagam.example.go.id/verify/" + i)));
        }

        assertThat(renderer.fittings()).as("wrapped texts fitted again for three more certificates").isEqualTo(fittedForOne);
        assertThat(renderer.layouts()).as("wrapped texts laid out again to print three more certificates").isEqualTo(laidOutForOne);
        for (byte[] pdf : pdfs) {
            assertThat(PdfChecks.text(pdf, 1).replaceAll("\\s+", " ")).contains("yang diselenggarakan oleh BPSDM Provinsi Jawa Timur di Surabaya");
        }
        RenderInput base = input("Peserta 4", "https://piagam.example.go.id/verify/4");
        Map<String, String> fields = new LinkedHashMap<>(base.fields());
        fields.put("participant.instansi", "Pemerintah Kabupaten Pamekasan, Dinas Komunikasi, Informatika, Statistik dan Persandian");
        RenderInput longer = new RenderInput(fields, base.curriculum(), base.scores(), base.qrContent(), base.documentTitle(), base.images());
        byte[] own = renderer.render(sttp, longer);
        assertThat(renderer.fittings()).as("a text of its own is fitted for itself").isEqualTo(fittedForOne + 1);
        assertThat(PdfChecks.text(own, 1).replaceAll("\\s+", " ")).contains("Statistik dan Persandian");
        assertThat(PdfChecks.text(renderer.render(sttp, longer), 1)).as("printed again from its known lines, broken where ColumnText breaks it")
                .isEqualTo(PdfChecks.text(own, 1))
                .contains("Informatika, Statistik dan Persandian");
    }
}
