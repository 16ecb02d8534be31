package id.piagam.certificate;

import id.piagam.Digests;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How an issued PDF is stored in a fraction of its bytes: the data of each large image stream (a template's
 * background, a logo) and of each large embedded font program (a {@code /FontFile2}, known by its {@code /Length1}:
 * the renderer writes the same subset into nearly every certificate of a template) is the same in every certificate
 * printed with that template, so it is kept once by
 * its SHA-256 and each certificate keeps the rest of its bytes plus where each shared piece goes back in. Smaller
 * images and colour profiles (the template's logo and signature, the PDF/A output intent's ICC profile: 15 KB of a
 * two-page STTP's 28 KB) are kept once too when they repeat ({@link #split(byte[], int, Predicate)}): a participant's
 * photo, seen once, stays in the certificate's own bytes instead of becoming a resource of its own.
 * Cutting a byte range out and putting it back is lossless whatever the range, so reading the PDF's
 * structure here only decides what is shared, never whether the bytes come back exactly; they are checked
 * against the certificate's recorded hash when joined.
 */
final class PdfSegments {

    /** Image streams and font programs at least this large are kept once; smaller ones are not worth a lookup. */
    static final int SHARED_MINIMUM = 16 * 1024;

    /** Image streams, font programs and colour profiles at least this large are kept once when they repeat. */
    static final int REPEATED_MINIMUM = 1024;

    /**
     * One shared piece: it goes back in at {@code at} (an offset in the rest) and has this hash; its bytes are
     * {@code from} to {@code to} of the PDF it was cut from, copied only when asked for (a piece of every certificate
     * over the same background is stored once, so most are never copied: issue #14).
     */
    record Piece(int at, String sha256, byte[] source, int from, int to) {

        int length() {
            return to - from;
        }

        byte[] bytes() {
            return Arrays.copyOfRange(source, from, to);
        }
    }

    /** A PDF taken apart: the rest of its bytes, and the shared pieces in order. */
    record Split(byte[] rest, List<Piece> pieces) {

        /** The manifest stored beside the rest: {@code at:length:sha256} per piece, separated by {@code ;}. */
        String manifest() {
            StringBuilder m = new StringBuilder();
            for (Piece p : pieces) {
                m.append(m.isEmpty() ? "" : ";").append(p.at()).append(':').append(p.length()).append(':').append(p.sha256());
            }
            return m.toString();
        }
    }

    private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END_STREAM = "endstream".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] IMAGE = "/Subtype/Image".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LENGTH = "/Length".getBytes(StandardCharsets.US_ASCII);
    /** The key only an embedded font program's dictionary has (the length of its font file before compression). */
    private static final byte[] LENGTH1 = "/Length1".getBytes(StandardCharsets.US_ASCII);
    /** The key of an ICC profile's dictionary (its number of colour components), beside its {@code /Alternate}. */
    private static final byte[] ALTERNATE = "/Alternate".getBytes(StandardCharsets.US_ASCII);

    private PdfSegments() {
    }

    /** Takes the data of every image stream and font program of at least {@code minimum} bytes out of {@code pdf}. */
    static Split split(byte[] pdf, int minimum) {
        return split(pdf, minimum, hash -> false);
    }

    /**
     * {@link #split(byte[], int)}, and also takes out the data of each smaller image stream, font program and colour
     * profile of at least {@link #REPEATED_MINIMUM} bytes whose SHA-256 {@code repeated} says has been seen before.
     */
    static Split split(byte[] pdf, int minimum, Predicate<String> repeated) {
        List<int[]> ranges = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        int from = 0;
        while (true) {
            int s = indexOf(pdf, STREAM, from, pdf.length);
            if (s < 0) {
                break;
            }
            int dataStart = s + STREAM.length;
            from = dataStart;
            if (s > 0 && pdf[s - 1] == 'd') {
                continue; // "endstream"
            }
            if (dataStart < pdf.length && pdf[dataStart] == '\r') {
                dataStart++;
            }
            if (dataStart >= pdf.length || pdf[dataStart] != '\n') {
                continue; // not a stream keyword
            }
            dataStart++;
            int dictStart = lastIndexOf(pdf, (byte) 'j', s); // the "obj" keyword that opens this object
            int end = endByLength(pdf, dictStart, s, dataStart);
            if (end < 0) {
                end = indexOf(pdf, END_STREAM, dataStart, pdf.length);
            }
            if (end < 0) {
                break;
            }
            from = end + END_STREAM.length;
            if (dictStart < 0) {
                continue;
            }
            boolean imageOrFont = shareable(pdf, dictStart, s);
            if (!imageOrFont && !profile(pdf, dictStart, s)) {
                continue;
            }
            int dataEnd = end;
            if (dataEnd > dataStart && pdf[dataEnd - 1] == '\n') {
                dataEnd--;
                if (dataEnd > dataStart && pdf[dataEnd - 1] == '\r') {
                    dataEnd--;
                }
            }
            int length = dataEnd - dataStart;
            if (imageOrFont && length >= minimum) {
                ranges.add(new int[]{dataStart, dataEnd});
                hashes.add(Digests.sha256(pdf, dataStart, length));
            } else if (length >= REPEATED_MINIMUM) {
                String hash = Digests.sha256(pdf, dataStart, length);
                if (repeated.test(hash)) {
                    ranges.add(new int[]{dataStart, dataEnd});
                    hashes.add(hash);
                }
            }
        }
        if (ranges.isEmpty()) {
            return new Split(pdf, List.of());
        }
        ByteArrayOutputStream rest = new ByteArrayOutputStream(pdf.length - ranges.stream().mapToInt(r -> r[1] - r[0]).sum());
        List<Piece> pieces = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < ranges.size(); i++) {
            int[] r = ranges.get(i);
            rest.write(pdf, at, r[0] - at);
            pieces.add(new Piece(rest.size(), hashes.get(i), pdf, r[0], r[1]));
            at = r[1];
        }
        rest.write(pdf, at, pdf.length - at);
        return new Split(rest.toByteArray(), pieces);
    }

    /**
     * Puts a stored PDF back together: {@code resources} answers a piece's bytes by its hash. An empty
     * manifest means the rest is the whole PDF. A malformed manifest or a piece of the wrong length is an
     * {@link IllegalStateException}; the caller checks the result's hash.
     */
    static byte[] join(byte[] rest, String manifest, Function<String, byte[]> resources) {
        if (manifest == null || manifest.isEmpty()) {
            return rest;
        }
        String[] entries = manifest.split(";");
        int[] at = new int[entries.length];
        byte[][] pieces = new byte[entries.length][];
        int total = rest.length;
        for (int i = 0; i < entries.length; i++) {
            String[] f = entries[i].split(":");
            if (f.length != 3) {
                throw new IllegalStateException("malformed PDF manifest entry: " + entries[i]);
            }
            at[i] = Integer.parseInt(f[0]);
            pieces[i] = resources.apply(f[2]);
            if (pieces[i] == null || pieces[i].length != Integer.parseInt(f[1])) {
                throw new IllegalStateException("PDF resource " + f[2] + " is missing or has the wrong length");
            }
            if (at[i] < (i == 0 ? 0 : at[i - 1]) || at[i] > rest.length) {
                throw new IllegalStateException("malformed PDF manifest offsets: " + manifest);
            }
            total += pieces[i].length;
        }
        byte[] out = new byte[total];
        int from = 0;
        int to = 0;
        for (int i = 0; i < entries.length; i++) {
            System.arraycopy(rest, from, out, to, at[i] - from);
            to += at[i] - from;
            from = at[i];
            System.arraycopy(pieces[i], 0, out, to, pieces[i].length);
            to += pieces[i].length;
        }
        System.arraycopy(rest, from, out, to, rest.length - from);
        return out;
    }

    /** Whether the stream whose dictionary lies between {@code dictStart} and {@code s} is an image or a font program. */
    private static boolean shareable(byte[] pdf, int dictStart, int s) {
        if (indexOf(pdf, IMAGE, dictStart, s) >= 0) {
            return true;
        }
        int k = indexOf(pdf, LENGTH1, dictStart, s);
        return k >= 0 && k + LENGTH1.length < s && !Character.isLetterOrDigit(pdf[k + LENGTH1.length]);
    }

    /** Whether the stream whose dictionary lies between {@code dictStart} and {@code s} is an ICC colour profile. */
    private static boolean profile(byte[] pdf, int dictStart, int s) {
        return indexOf(pdf, ALTERNATE, dictStart, s) >= 0;
    }

    private static int indexOf(byte[] data, byte[] token, int from, int to) {
        outer:
        for (int i = Math.max(from, 0); i <= to - token.length; i++) {
            if (data[i] != token[0]) {
                continue;
            }
            for (int k = 1; k < token.length; k++) {
                if (data[i + k] != token[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * Where the stream's {@code endstream} keyword is, found through the direct {@code /Length} of its dictionary
     * (between {@code dictStart} and {@code s}) without reading the data: the data is most of a PDF's bytes (font
     * files, page contents), and scanning all of it for the keyword was the largest single cost of storing a
     * certificate. -1 when the length is indirect ({@code 12 0 R}), absent, or does not land on the keyword; the
     * caller then scans as before, so a PDF written differently is still split the same way.
     */
    private static int endByLength(byte[] pdf, int dictStart, int s, int dataStart) {
        if (dictStart < 0) {
            return -1;
        }
        int k = indexOf(pdf, LENGTH, dictStart, s);
        while (k >= 0 && k + LENGTH.length < s && Character.isLetterOrDigit(pdf[k + LENGTH.length])) {
            k = indexOf(pdf, LENGTH, k + LENGTH.length, s); // "/Length1", "/Length2" of a font file are other keys
        }
        if (k < 0) {
            return -1;
        }
        int p = k + LENGTH.length;
        while (p < s && pdf[p] == ' ') {
            p++;
        }
        long length = 0;
        int digits = 0;
        while (p < s && pdf[p] >= '0' && pdf[p] <= '9' && digits < 10) {
            length = length * 10 + (pdf[p] - '0');
            p++;
            digits++;
        }
        while (p < s && pdf[p] == ' ') {
            p++;
        }
        if (digits == 0 || (p < s && pdf[p] >= '0' && pdf[p] <= '9')) {
            return -1; // no number, or an indirect reference "n 0 R"
        }
        long at = dataStart + length;
        for (int eol = 0; eol <= 2; eol++) { // the data may be followed by CR, LF or CRLF before the keyword
            if (at + eol + END_STREAM.length <= pdf.length && startsAt(pdf, END_STREAM, (int) (at + eol))) {
                return (int) (at + eol);
            }
        }
        return -1;
    }

    private static boolean startsAt(byte[] data, byte[] token, int at) {
        for (int k = 0; k < token.length; k++) {
            if (data[at + k] != token[k]) {
                return false;
            }
        }
        return true;
    }

    private static int lastIndexOf(byte[] data, byte b, int before) {
        for (int i = before - 1; i >= 0; i--) {
            if (data[i] == b && i >= 2 && data[i - 1] == 'b' && data[i - 2] == 'o') {
                return i;
            }
        }
        return -1;
    }
}
