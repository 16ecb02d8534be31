package id.piagam.bench;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import id.piagam.Digests;
import id.piagam.rendering.PdfRenderer;
import id.piagam.rendering.TemplateModel;
import id.piagam.rendering.TemplateParser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The physical limit of issuing (issue #14 point 4): only the work that differs for every certificate, timed alone —
 * the differing text (name, number, verification link), the QR code (as {@code rendering/QrCode} encodes it), the
 * SHA-256 of a 57 KB PDF and writing it with its row in its own committed SQLite transaction (WAL, synchronous=NORMAL,
 * as the service runs). Next to it, the bare OpenPDF loop: the default STTP rendered alone with the logo.
 * <pre>
 * mvn -B -o test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -Xmx256m -cp target/test-classes:target/classes:$(cat cp.txt) id.piagam.bench.FloorProbe
 * </pre>
 */
public final class FloorProbe {

    private static final int N = 1000;
    private static final int ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        TemplateModel sttp = new TemplateParser(Path.of("templates")).parse("sttp-diklat");
        PdfRenderer renderer = new PdfRenderer();
        var input = RenderSample.input().with(Map.of(), Map.of("agency.logo", Files.readAllBytes(Path.of("templates/images/logo.png"))));
        byte[] pdf = renderer.render(sttp, input);
        Path db = Path.of("target/bench/floor-" + System.currentTimeMillis() + ".db").toAbsolutePath();
        Files.createDirectories(db.getParent());
        String url = "jdbc:sqlite:" + db + "?journal_mode=WAL&synchronous=NORMAL&transaction_mode=IMMEDIATE";
        List<Double> floor = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE cert (id INTEGER PRIMARY KEY, number TEXT UNIQUE, holder TEXT, sha256 TEXT, bytes BLOB)");
            }
            c.setAutoCommit(false);
            long id = 0;
            for (int round = 0; round <= ROUNDS; round++) {
                long t0 = System.nanoTime();
                long qrBits = 0;
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO cert (id, number, holder, sha256, bytes) VALUES (?, ?, ?, ?, ?)")) {
                    for (int i = 0; i < N; i++) {
                        id++;
                        String number = String.format("800.2.4.2/%05d/BPSDM/%d", id, 2026);
                        String holder = "Peserta Pelatihan " + id + ", S.Kom.";
                        String link = "https://piagam.example.go.id/verify/" + Long.toString(id * 7_919_993L, 36) + "KPZR79Y8ew1MQjMz7Zw";
                        qrBits += qr(link).getWidth();
                        pdf[pdf.length / 2] = (byte) id; // a different document each time, so the hash is not a repeat
                        String sha = Digests.sha256(pdf);
                        insert.setLong(1, id);
                        insert.setString(2, number);
                        insert.setString(3, holder);
                        insert.setString(4, sha);
                        insert.setBytes(5, pdf);
                        insert.executeUpdate();
                        c.commit();
                    }
                }
                double ms = (System.nanoTime() - t0) / 1e6 / N;
                if (round > 0) {
                    floor.add(ms);
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < N; i++) {
                    renderer.render(sttp, input);
                }
                double renderMs = (System.nanoTime() - t1) / 1e6 / N;
                if (round > 0) {
                    bare.add(renderMs);
                }
                System.out.printf("round %d: differing work %.3f ms per certificate (QR modules %d); bare OpenPDF render %.2f ms%n", round, ms,
                        qrBits / N, renderMs);
            }
        }
        floor.sort(Comparator.naturalOrder());
        bare.sort(Comparator.naturalOrder());
        System.out.printf("median of %d rounds: differing text + QR + hash + committed write %.3f ms per certificate; bare render %.2f ms "
                + "(PDF %d KB)%n", ROUNDS, floor.get(ROUNDS / 2), bare.get(ROUNDS / 2), pdf.length / 1024);
    }

    private static BitMatrix qr(String content) throws Exception {
        return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 0,
                EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.QR_MASK_PATTERN, 2));
    }

    private FloorProbe() {
    }
}
