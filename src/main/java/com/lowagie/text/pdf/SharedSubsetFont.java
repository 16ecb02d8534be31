package com.lowagie.text.pdf;

import com.lowagie.text.DocumentException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TrueType font (Identity-H, embedded, subset) whose subsets are computed once per glyph set and written into each
 * document as the same stored bytes. OpenPDF builds a new subset for every document it closes
 * ({@code TrueTypeFontUnicode.writeFont}: the subset font program, its deflation, the CIDSet, the widths, the ToUnicode
 * CMap), about a third of the render threads' CPU in a bulk issue (issue #14, docs/benchmark.md). The certificates of one template print nearly
 * the same glyphs, and with the fixed ranges of {@link #addSubsetRange} (the renderer gives the characters of names, numbers and dates) exactly
 * the same for all but the rare name with another letter: that glyph set is computed once, and a different one is
 * another entry, the least recently used dropped beyond {@code capacity}.
 * <p>
 * Why this lives in OpenPDF's package: {@code BaseFont.writeFont} and {@code TrueTypeFontUnicode} are package-private,
 * so only a class here can override the one and extend the other. It is Piagam's only class in a foreign package and
 * only {@code id.piagam.rendering} uses it ({@code ArchitectureTest}). Written against OpenPDF 2.0.5 ({@code pom.xml}'s
 * {@code openpdf.version}); {@link #writeFont} follows that version's {@code TrueTypeFontUnicode.writeFont} for a
 * horizontal TrueType-outline font, object for object and in the same order, and leaves every other case to it. Check
 * it again when OpenPDF is upgraded ({@code PdfRendererTest} compares the text, the fonts and the PDF/A checks).
 * <p>
 * One difference from 2.0.5 on purpose: OpenPDF adds the fixed ranges only to a font it does not subset (then embedding
 * the whole font file), so here they are added to the subset.
 */
public final class SharedSubsetFont extends TrueTypeFontUnicode {

    /** What {@code writeFont} derives from the glyph set alone, as the bytes written. */
    private record Written(byte[] fontFile, int length1, boolean fontFileDeflated, byte[] cidSet, boolean cidSetDeflated,
                           String widths, byte[] toUnicode, boolean toUnicodeDeflated) {
    }

    /** A glyph set: each glyph's number, width and character, in glyph order, then the filler CMap's entries. */
    private record Key(int[] glyphs) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(glyphs, k.glyphs);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(glyphs);
        }
    }

    private final int capacity;
    private final Map<Key, Written> subsets;
    private int computed;
    /**
     * The metrics ({@code {glyph, width, character}}) of the characters of the fixed ranges, found once: OpenPDF's
     * {@code addRangeUni} looks for them through the whole character map on every call (19.5 % of the render threads'
     * samples once the subsets were kept, JFR, issue #14).
     */
    private volatile List<int[]> fixed;

    /**
     * Reads the font like {@code BaseFont.createFont(name, IDENTITY_H, EMBEDDED, false, ttf, null)}, keeping at most
     * {@code capacity} glyph sets.
     */
    public SharedSubsetFont(String name, byte[] ttf, int capacity) throws DocumentException, IOException {
        super(name, IDENTITY_H, true, ttf, false);
        this.capacity = capacity;
        this.subsets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Written> eldest) {
                return size() > SharedSubsetFont.this.capacity;
            }
        };
    }

    /** How many glyph sets are kept now (at most the capacity). */
    public synchronized int subsetsKept() {
        return subsets.size();
    }

    /** How many times a subset was computed, not found among those kept. */
    public synchronized int subsetsComputed() {
        return computed;
    }

    @Override
    @SuppressWarnings("unchecked")
    void writeFont(PdfWriter writer, PdfIndirectReference ref, Object[] params) throws DocumentException, IOException {
        if (cff || vertical || !subset || directoryOffset != 0) {
            super.writeFont(writer, ref, params);
            return;
        }
        HashMap<Integer, int[]> longTag = (HashMap<Integer, int[]>) params[0];
        Map<Integer, int[]> fillerCmap = (Map<Integer, int[]>) params[2];
        for (int[] metric : fixedMetrics()) {
            longTag.putIfAbsent(metric[0], metric);
        }
        int[][] metrics = longTag.values().toArray(new int[0][]);
        Arrays.sort(metrics, this);
        Key key = key(metrics, fillerCmap);
        Written w;
        synchronized (this) {
            w = subsets.get(key);
        }
        if (w == null) {
            w = compute(longTag, metrics, fillerCmap);
            synchronized (this) {
                computed++;
                Written raced = subsets.putIfAbsent(key, w);
                w = raced == null ? w : raced;
            }
        }
        PdfIndirectReference cidset = null;
        if (includeCidSet || writer.getPDFXConformance() == PdfWriter.PDFA1A || writer.getPDFXConformance() == PdfWriter.PDFA1B) {
            cidset = writer.addToBody(stored(w.cidSet(), 0, w.cidSetDeflated())).getIndirectReference();
        }
        PdfIndirectReference fontFile = writer.addToBody(stored(w.fontFile(), w.length1(), w.fontFileDeflated())).getIndirectReference();
        String subsetPrefix = createSubsetPrefix();
        PdfIndirectReference descriptor = writer.addToBody(getFontDescriptor(fontFile, subsetPrefix, cidset)).getIndirectReference();

        PdfDictionary cidFont = new PdfDictionary(PdfName.FONT);
        cidFont.put(PdfName.SUBTYPE, PdfName.CIDFONTTYPE2);
        cidFont.put(PdfName.BASEFONT, new PdfName(subsetPrefix + fontName));
        cidFont.put(PdfName.FONTDESCRIPTOR, descriptor);
        cidFont.put(PdfName.CIDTOGIDMAP, PdfName.IDENTITY);
        PdfDictionary systemInfo = new PdfDictionary();
        systemInfo.put(PdfName.REGISTRY, new PdfString("Adobe"));
        systemInfo.put(PdfName.ORDERING, new PdfString("Identity"));
        systemInfo.put(PdfName.SUPPLEMENT, new PdfNumber(0));
        cidFont.put(PdfName.CIDSYSTEMINFO, systemInfo);
        cidFont.put(PdfName.DW, new PdfNumber(1000));
        if (w.widths() != null) {
            cidFont.put(PdfName.W, new PdfLiteral(w.widths()));
        }
        PdfIndirectReference descendant = writer.addToBody(cidFont).getIndirectReference();

        PdfIndirectReference toUnicode = null;
        if (w.toUnicode() != null) {
            toUnicode = writer.addToBody(stored(w.toUnicode(), 0, w.toUnicodeDeflated())).getIndirectReference();
        }
        PdfDictionary font = new PdfDictionary(PdfName.FONT);
        font.put(PdfName.SUBTYPE, PdfName.TYPE0);
        font.put(PdfName.BASEFONT, new PdfName(subsetPrefix + fontName));
        font.put(PdfName.ENCODING, new PdfName(encoding));
        font.put(PdfName.DESCENDANTFONTS, new PdfArray(descendant));
        if (toUnicode != null) {
            font.put(PdfName.TOUNICODE, toUnicode);
        }
        writer.addToBody(font, ref);
    }

    @Override
    public void addSubsetRange(int[] range) {
        super.addSubsetRange(range);
        fixed = null;
    }

    /** What 2.0.5's {@code addRangeUni} adds for the fixed ranges, in its order, each glyph once (the first character wins). */
    private List<int[]> fixedMetrics() {
        List<int[]> found = fixed;
        if (found == null) {
            HashMap<Integer, int[]> glyphs = new HashMap<>();
            if (subsetRanges != null) {
                int[] ranges = compactRanges(subsetRanges);
                Map<Integer, int[]> cmap = fontSpecific && cmap10 != null || cmap31 == null ? cmap10 : cmap31;
                for (Map.Entry<Integer, int[]> e : cmap.entrySet()) {
                    int c = e.getKey();
                    for (int k = 0; k + 1 < ranges.length; k += 2) {
                        if (c >= ranges[k] && c <= ranges[k + 1]) {
                            glyphs.putIfAbsent(e.getValue()[0], new int[]{e.getValue()[0], e.getValue()[1], c});
                            break;
                        }
                    }
                }
            }
            found = List.copyOf(glyphs.values());
            fixed = found;
        }
        return found;
    }

    private static Key key(int[][] metrics, Map<Integer, int[]> fillerCmap) {
        List<int[]> filler = new ArrayList<>(fillerCmap.values());
        filler.sort((a, b) -> Integer.compare(a[0], b[0]));
        int[] k = new int[metrics.length * 3 + 1 + filler.size() * 2];
        int i = 0;
        for (int[] m : metrics) {
            k[i++] = m[0];
            k[i++] = m[1];
            k[i++] = m.length >= 3 ? m[2] : -1;
        }
        k[i++] = -2;
        for (int[] f : filler) {
            k[i++] = f[0];
            k[i++] = f[1];
        }
        return new Key(k);
    }

    /** What 2.0.5's {@code writeFont} builds from the glyph set, built the same way and kept as bytes. */
    private Written compute(HashMap<Integer, int[]> longTag, int[][] metrics, Map<Integer, int[]> fillerCmap)
            throws DocumentException, IOException {
        PdfStream cidSet;
        if (metrics.length == 0) {
            cidSet = new PdfStream(new byte[]{(byte) 0x80});
        } else {
            int top = metrics[metrics.length - 1][0];
            byte[] bits = new byte[top / 8 + 1];
            for (int[] metric : metrics) {
                int v = metric[0];
                bits[v / 8] |= (byte) (0x80 >>> (v % 8));
            }
            cidSet = new PdfStream(bits);
            cidSet.flateCompress(compressionLevel);
        }
        byte[] program = new TrueTypeFontSubSet(fileName, new RandomAccessFileOrArray(rf), longTag, directoryOffset, false, false).process();
        PdfStream fontFile = new StreamFont(program, new int[]{program.length}, compressionLevel);
        PdfStream toUnicode = toUnicode(mergeMetricsAndFillerCmap(metrics, fillerCmap));
        return new Written(data(fontFile), program.length, fontFile.compressed, data(cidSet), cidSet.compressed, widths(metrics),
                toUnicode == null ? null : data(toUnicode), toUnicode != null && toUnicode.compressed);
    }

    /** The stream's data as it would be written: deflated when it was compressed. */
    private static byte[] data(PdfStream stream) {
        return stream.streamBytes != null ? stream.streamBytes.toByteArray() : stream.bytes;
    }

    /** A stream of stored data ({@code /Length1} for a font program, 0 for none), written as it is. */
    private static PdfStream stored(byte[] data, int length1, boolean deflated) {
        PdfStream stream = new PdfStream(data);
        if (length1 > 0) {
            stream.put(new PdfName("Length1"), new PdfNumber(length1));
        }
        if (deflated) {
            stream.put(PdfName.FILTER, PdfName.FLATEDECODE);
            stream.compressed = true;
        }
        return stream;
    }

    /** The {@code /W} array of 2.0.5's {@code getCIDFontType2}: the widths that are not the default 1000, in runs. */
    private static String widths(int[][] metrics) {
        StringBuilder buf = new StringBuilder("[");
        int lastNumber = -10;
        boolean firstTime = true;
        for (int[] metric : metrics) {
            if (metric[1] == 1000) {
                continue;
            }
            int m = metric[0];
            if (m == lastNumber + 1) {
                buf.append(' ').append(metric[1]);
            } else {
                if (!firstTime) {
                    buf.append(']');
                }
                firstTime = false;
                buf.append(m).append('[').append(metric[1]);
            }
            lastNumber = m;
        }
        return buf.length() > 1 ? buf.append("]]").toString() : null;
    }

    /** 2.0.5's {@code getToUnicode}: the CMap that makes the text extractable, glyph by glyph, or null for none. */
    private PdfStream toUnicode(int[][] all) {
        int[][] metrics = Arrays.stream(all).filter(m -> m.length >= 3).toArray(int[][]::new);
        if (metrics.length == 0) {
            return null;
        }
        StringBuilder buf = new StringBuilder("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n"
                + "<< /Registry (TTX+0)\n/Ordering (T42UV)\n/Supplement 0\n>> def\n/CMapName /TTX+0 def\n/CMapType 2 def\n"
                + "1 begincodespacerange\n<0000><FFFF>\nendcodespacerange\n");
        int size = 0;
        for (int k = 0; k < metrics.length; ++k) {
            if (size == 0) {
                if (k != 0) {
                    buf.append("endbfrange\n");
                }
                size = Math.min(100, metrics.length - k);
                buf.append(size).append(" beginbfrange\n");
            }
            --size;
            String fromTo = toHex(metrics[k][0]);
            buf.append(fromTo).append(fromTo).append(toHex(metrics[k][2])).append('\n');
        }
        buf.append("endbfrange\nendcmap\nCMapName currentdict /CMap defineresource pop\nend end\n");
        PdfStream stream = new PdfStream(PdfEncodings.convertToBytes(buf.toString(), null));
        stream.flateCompress(compressionLevel);
        return stream;
    }
}
