package id.piagam.rendering;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.pdf.ByteBuffer;
import com.lowagie.text.pdf.PdfContentByte;

import java.awt.Color;
import java.util.Map;

/** A verification link as a QR code drawn with vectors (sharp at any zoom and on any printer), for certificates and transcripts. */
final class QrCode {

    private QrCode() {
    }

    static BitMatrix encode(String content) {
        try {
            // a fixed mask pattern: every mask decodes; scoring all eight took a quarter of the rendering time
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.QR_MASK_PATTERN, 2));
        } catch (WriterException e) {
            throw new IllegalArgumentException("QR content cannot be encoded", e);
        }
    }

    /** One run of dark modules: {@code length} of them from column {@code x} in row {@code y}. */
    interface Run {
        void at(int x, int y, int length);
    }

    /** The runs of dark modules, row by row, left to right: one rectangle each on the page. */
    static void runs(BitMatrix m, Run run) {
        for (int y = 0; y < m.getHeight(); y++) {
            int x = 0;
            while (x < m.getWidth()) {
                if (!m.get(x, y)) {
                    x++;
                    continue;
                }
                int end = x;
                while (end < m.getWidth() && m.get(end, y)) {
                    end++;
                }
                run.at(x, y, end - x);
                x = end;
            }
        }
    }

    /**
     * Draws the code as a square of {@code size} points whose top-left corner is at ({@code left}, {@code top}) in PDF
     * coordinates: one rectangle per run of dark modules, written as {@link PdfContentByte#rectangle} writes it. Each
     * distinct coordinate and width is formatted once per code (a column, a row, a run's length), not once per rectangle:
     * OpenPDF's number formatting of the QR's 300-odd rectangles was 3 % of a certificate's rendering (JFR, #14).
     */
    static void draw(PdfContentByte cb, BitMatrix m, float left, float top, float size) {
        float module = size / m.getWidth();
        String[] xs = new String[m.getWidth()];
        String[] ys = new String[m.getHeight()];
        String[] widths = new String[m.getWidth() + 1];
        String height = ByteBuffer.formatDouble(module);
        StringBuilder content = new StringBuilder(8192);
        runs(m, (x, y, length) -> {
            if (xs[x] == null) {
                xs[x] = ByteBuffer.formatDouble(left + x * module);
            }
            if (ys[y] == null) {
                ys[y] = ByteBuffer.formatDouble(top - (y + 1) * module);
            }
            if (widths[length] == null) {
                widths[length] = ByteBuffer.formatDouble(length * module);
            }
            content.append(xs[x]).append(' ').append(ys[y]).append(' ').append(widths[length]).append(' ').append(height)
                    .append(" re\n");
        });
        cb.setColorFill(Color.BLACK);
        cb.setLiteral(content.toString());
        cb.fill();
    }
}
