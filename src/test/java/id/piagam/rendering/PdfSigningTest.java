package id.piagam.rendering;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The room reserved for a signature: what the signer expects, and a second pass when its CMS turns out larger. */
class PdfSigningTest {

    private static byte[] aPdf() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(new Paragraph("Sertifikat"));
        document.close();
        return out.toByteArray();
    }

    /** A stand-in for the CMS: {@code length} bytes, the same whatever it is asked to sign; counts the ranges it read. */
    private static Function<InputStream, byte[]> cmsOf(int length, List<Integer> rangesRead) {
        byte[] cms = new byte[length];
        new Random(7).nextBytes(cms);
        return range -> {
            try {
                rangesRead.add(range.readAllBytes().length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return cms;
        };
    }

    @Test
    void aCmsOfTheExpectedSizeIsEmbeddedInOnePassWithLittlePadding() {
        List<Integer> reads = new ArrayList<>();
        byte[] signed = PdfSigning.sign(aPdf(), Instant.parse("2026-12-01T08:00:00Z"), "Uji", null, 3000, cmsOf(3000, reads));

        assertThat(reads).hasSize(1);
        byte[] contents = PdfSigning.signatures(signed).get(0).cms();
        assertThat(contents.length).isEqualTo(3000 + PdfSigning.SLACK);
        assertThat(Arrays.copyOf(contents, 3000)).isEqualTo(cmsOf(3000, new ArrayList<>()).apply(InputStream.nullInputStream()));
        assertThat(PdfSigning.signatures(signed).get(0).coversWholeDocument()).isTrue();
    }

    @Test
    void aCmsLargerThanExpectedIsNotCutButSignedAgainWithRoomForIt() {
        List<Integer> reads = new ArrayList<>();
        byte[] cms = cmsOf(9000, new ArrayList<>()).apply(InputStream.nullInputStream());
        byte[] signed = PdfSigning.sign(aPdf(), Instant.parse("2026-12-01T08:00:00Z"), "Uji", null, 2000, cmsOf(9000, reads));

        assertThat(reads).as("the first pass reserved too little: the CMS is made again over bytes that leave room for it").hasSize(2);
        PdfSigning.Found found = PdfSigning.signatures(signed).get(0);
        assertThat(Arrays.copyOf(found.cms(), 9000)).isEqualTo(cms);
        assertThat(found.cms().length).isEqualTo(9000 + PdfSigning.SLACK);
        assertThat(found.coversWholeDocument()).isTrue();
        assertThat(found.claimedAt()).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
    }
}
