package id.piagam.rendering;

import com.google.zxing.common.BitMatrix;
import com.lowagie.text.pdf.PdfContentByte;
import org.junit.jupiter.api.Test;

import java.awt.Color;

import static org.assertj.core.api.Assertions.assertThat;

/** The QR code's vectors: the page's content is the same, byte for byte, as one OpenPDF rectangle per run of dark modules. */
class QrCodeTest {

    /** How the code was drawn before its numbers were formatted once per code: {@link PdfContentByte#rectangle} per run. */
    private static byte[] rectanglePerRun(BitMatrix m, float left, float top, float size) {
        PdfContentByte cb = new PdfContentByte(null);
        float module = size / m.getWidth();
        cb.setColorFill(Color.BLACK);
        QrCode.runs(m, (x, y, length) -> cb.rectangle(left + x * module, top - (y + 1) * module, length * module, module));
        cb.fill();
        return cb.getInternalBuffer().toByteArray();
    }

    private static byte[] drawn(BitMatrix m, float left, float top, float size) {
        PdfContentByte cb = new PdfContentByte(null);
        QrCode.draw(cb, m, left, top, size);
        return cb.getInternalBuffer().toByteArray();
    }

    @Test
    void theCodeIsDrawnWithTheSameContentAsOneRectanglePerRunOfDarkModules() {
        String[] links = {"https://sertifikat.bpsdm.jatimprov.go.id/verifikasi/Ab3dE-f9GhJkLmNpQr",
                "http://localhost:18650/v/x", "https://contoh.go.id/verifikasi/" + "AbCdEfGhIj".repeat(12)};
        float[][] places = {{453.5433f, 141.73228f, 56.692913f}, {28.346458f, 566.92914f, 70.86614f}, {0f, 100f, 33f}};
        for (String link : links) {
            BitMatrix m = QrCode.encode(link);
            for (float[] at : places) {
                byte[] drawn = drawn(m, at[0], at[1], at[2]);
                assertThat(new String(drawn)).as(link).contains(" re\n").endsWith("f\n");
                assertThat(drawn).as(link).isEqualTo(rectanglePerRun(m, at[0], at[1], at[2]));
            }
        }
    }
}
