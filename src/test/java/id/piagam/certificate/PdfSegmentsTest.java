package id.piagam.certificate;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PdfSegmentsTest {

    private static byte[] pdf(byte[] image, byte[] font) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("%PDF-1.7\n1 0 obj\n<</Type/XObject/Subtype/Image/Width 10/Length ".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes((image.length + ">>stream\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(image);
        out.writeBytes("\nendstream\nendobj\n2 0 obj\n<</Length1 9/Length ".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes((font.length + ">>stream\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(font);
        out.writeBytes("\r\nendstream\nendobj\ntrailer\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] random(int size, int seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void aLargeImageStreamIsTakenOutOnceAndPutBackExactly() {
        byte[] image = random(40_000, 1);
        byte[] pdf = pdf(image, random(3_000, 2));
        PdfSegments.Split split = PdfSegments.split(pdf, PdfSegments.SHARED_MINIMUM);

        assertThat(split.pieces()).singleElement().satisfies(p -> assertThat(p.bytes()).isEqualTo(image));
        assertThat(split.rest()).hasSize(pdf.length - image.length);
        byte[] joined = PdfSegments.join(split.rest(), split.manifest(), Map.of(split.pieces().get(0).sha256(), image)::get);
        assertThat(joined).isEqualTo(pdf);
    }

    /** Cutting a certificate over a large background copies the rest, not the shared piece (issue #14: 256 KB each). */
    @Test
    void cuttingAPdfDoesNotCopyItsSharedPiece() {
        byte[] image = random(256 * 1024, 3);
        byte[] pdf = pdf(image, random(3_000, 4));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        PdfSegments.split(pdf, PdfSegments.SHARED_MINIMUM); // classes loaded, digest provider found
        long before = threads.getCurrentThreadAllocatedBytes();
        PdfSegments.Split split = PdfSegments.split(pdf, PdfSegments.SHARED_MINIMUM);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(allocated).as("bytes allocated to cut a %d KB PDF", pdf.length / 1024).isLessThan(pdf.length - image.length + 64 * 1024);
        assertThat(split.pieces()).singleElement().satisfies(p -> assertThat(p.bytes()).isEqualTo(image));
        assertThat(split.manifest()).contains(":" + image.length + ":");
    }

    @Test
    void aSmallImageOrASmallFontStaysInPlace() {
        byte[] pdf = pdf(random(1_000, 3), random(3_000, 4));
        PdfSegments.Split split = PdfSegments.split(pdf, PdfSegments.SHARED_MINIMUM);
        assertThat(split.pieces()).isEmpty();
        assertThat(split.manifest()).isEmpty();
        assertThat(PdfSegments.join(split.rest(), split.manifest(), h -> null)).isEqualTo(pdf);
    }

    /** The font subset the renderer writes alike into a template's certificates is kept once, like a background (issue #14). */
    @Test
    void aLargeFontProgramIsTakenOutAndPutBackExactly() {
        byte[] font = random(30_000, 9);
        byte[] pdf = pdf(random(1_000, 3), font);
        PdfSegments.Split split = PdfSegments.split(pdf, PdfSegments.SHARED_MINIMUM);

        assertThat(split.pieces()).singleElement().satisfies(p -> assertThat(p.bytes()).isEqualTo(font));
        assertThat(split.rest()).hasSize(pdf.length - font.length);
        assertThat(PdfSegments.join(split.rest(), split.manifest(), Map.of(split.pieces().get(0).sha256(), font)::get)).isEqualTo(pdf);
    }

    @Test
    void aMissingOrDifferentResourceIsAnErrorNeverAShorterPdf() {
        byte[] image = random(40_000, 5);
        PdfSegments.Split split = PdfSegments.split(pdf(image, random(100, 6)), PdfSegments.SHARED_MINIMUM);
        assertThatThrownBy(() -> PdfSegments.join(split.rest(), split.manifest(), h -> null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PdfSegments.join(split.rest(), split.manifest(), h -> Arrays.copyOf(image, 100)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PdfSegments.join(split.rest(), "12:zz", h -> image)).isInstanceOf(IllegalStateException.class);
    }

    private static byte[] imagePdf(byte[] image, String length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("%PDF-1.7\n1 0 obj\n<</Type/XObject/Subtype/Image/Length " + length + "/Width 10>>stream\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(image);
        out.writeBytes("\nendstream\nendobj\n7 0 obj\n".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes((image.length + "\nendobj\ntrailer\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Test
    void aStreamIsCutWhereItsLengthSaysEvenWhenItsDataHoldsTheKeyword() {
        byte[] image = random(40_000, 7);
        byte[] keyword = "\nendstream\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(keyword, 0, image, 20_000, keyword.length); // a JPEG may hold any bytes
        byte[] pdf = imagePdf(image, String.valueOf(image.length));

        PdfSegments.Split split = PdfSegments.split(pdf, PdfSegments.SHARED_MINIMUM);

        assertThat(split.pieces()).singleElement().satisfies(p -> assertThat(p.bytes()).isEqualTo(image));
        assertThat(PdfSegments.join(split.rest(), split.manifest(), Map.of(split.pieces().get(0).sha256(), image)::get)).isEqualTo(pdf);
    }

    @Test
    void anIndirectOrWrongLengthFallsBackToFindingTheKeyword() {
        byte[] image = random(40_000, 8);
        for (String length : new String[]{"7 0 R", String.valueOf(image.length - 5), "", "99999999"}) {
            byte[] pdf = imagePdf(image, length);

            PdfSegments.Split split = PdfSegments.split(pdf, PdfSegments.SHARED_MINIMUM);

            assertThat(split.pieces()).as("/Length %s", length).singleElement().satisfies(p -> assertThat(p.bytes()).isEqualTo(image));
            assertThat(PdfSegments.join(split.rest(), split.manifest(), Map.of(split.pieces().get(0).sha256(), image)::get)).isEqualTo(pdf);
        }
    }

    /** A PDF/A output intent's colour profile, as OpenPDF writes it, then a small image. */
    private static byte[] profileAndImagePdf(byte[] profile, byte[] image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("%PDF-1.4\n1 0 obj\n<</Filter/FlateDecode/Alternate/DeviceRGB/Length " + profile.length + "/N 3>>stream\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(profile);
        out.writeBytes(("\nendstream\nendobj\n2 0 obj\n<</Subtype/Image/Length " + image.length + "/Width 10>>stream\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(image);
        out.writeBytes("\nendstream\nendobj\ntrailer\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /**
     * A template's logo, signature and colour profile are a few kilobytes each, the same in every certificate printed
     * with it: taken out when they repeat, so each certificate stores only what is its own; seen for the first time (a
     * participant's photo) or under a kilobyte, they stay in place.
     */
    @Test
    void aSmallerImageOrColourProfileIsTakenOutWhenItRepeats() {
        byte[] profile = random(2_500, 10);
        byte[] logo = random(8_000, 11);
        byte[] pdf = profileAndImagePdf(profile, logo);
        java.util.Set<String> seen = new java.util.HashSet<>();

        PdfSegments.Split first = PdfSegments.split(pdf, PdfSegments.SHARED_MINIMUM, h -> !seen.add(h));
        PdfSegments.Split second = PdfSegments.split(pdf, PdfSegments.SHARED_MINIMUM, h -> !seen.add(h));

        assertThat(first.pieces()).as("seen once: kept in the certificate's own bytes").isEmpty();
        assertThat(first.rest()).isEqualTo(pdf);
        assertThat(second.pieces()).extracting(PdfSegments.Piece::bytes).containsExactly(profile, logo);
        assertThat(second.rest()).hasSize(pdf.length - profile.length - logo.length);
        assertThat(PdfSegments.join(second.rest(), second.manifest(),
                Map.of(second.pieces().get(0).sha256(), profile, second.pieces().get(1).sha256(), logo)::get)).isEqualTo(pdf);

        byte[] tiny = profileAndImagePdf(random(900, 12), random(1_200, 13));
        PdfSegments.split(tiny, PdfSegments.SHARED_MINIMUM, h -> !seen.add(h));
        assertThat(PdfSegments.split(tiny, PdfSegments.SHARED_MINIMUM, h -> !seen.add(h)).pieces())
                .as("under a kilobyte: never worth a lookup").extracting(PdfSegments.Piece::length).containsExactly(1_200);
        assertThat(PdfSegments.split(pdf, PdfSegments.SHARED_MINIMUM).pieces()).as("without the predicate: as before").isEmpty();
    }
}
