package id.piagam.rendering;

import com.google.zxing.common.BitMatrix;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.SharedSubsetFont;
import id.piagam.text.Bahasa;

import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Renders a {@link TemplateModel} to a PDF/A-1b document with OpenPDF: fonts embedded and subset,
 * text extractable, the QR code drawn as vectors, JPEG backgrounds embedded as they are.
 * The only class that knows OpenPDF. Fonts are parsed once per file and shared, and so are their subsets.
 */
public final class PdfRenderer {

    private static final float PT_PER_MM = 72f / 25.4f;
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    /** Runs of white space in a filled-in text, printed as one space (compiled once, not per text per certificate). */
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Runs of white space other than a line break. */
    private static final Pattern SPACES_IN_LINE = Pattern.compile("[\\s&&[^\\n]]+");
    /** A line break with the spaces around it (and the empty lines after it). */
    private static final Pattern BREAKS = Pattern.compile("\\s*\\n\\s*");
    /** The background of a table's header and total cells. */
    private static final Color HEADER_BACKGROUND = new Color(0xE8, 0xEC, 0xF4);
    /** The template's colours ("#1f3a6b"), parsed once. */
    private static final Map<String, Color> COLORS = new ConcurrentHashMap<>();

    private final Map<String, SharedSubsetFont> fonts = new ConcurrentHashMap<>();
    /**
     * The size of each template's last document: the next one is written into a buffer of about that size at once.
     * Its certificates differ by a few names and numbers, so growing a small buffer to the document's size (three
     * copies and 720 KB for a certificate over a 256 KB background) was work thrown away on each (issue #14).
     */
    private final Map<String, Integer> lastSize = new ConcurrentHashMap<>();
    /** Decoded once: OpenPDF decodes a PNG pixel by pixel, which otherwise dominates rendering time. */
    private final Map<TemplateModel.Asset, Image> images = new ConcurrentHashMap<>();
    /**
     * Pictures handed in with the content (the agency's logo, which every certificate prints), decoded once per
     * distinct content: decoding the logo anew took 29 % of a bulk issue's time (Java Flight Recorder, issue #14).
     * A few entries, least recently used out, so per-person pictures pass through without crowding the logo out.
     */
    private final Map<ByteBuffer, Image> givenImages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Image> eldest) {
            return size() > GIVEN_IMAGES;
        }
    };
    private static final int GIVEN_IMAGES = 8;
    /**
     * How each wrapped text is printed, by element, font and value: its fitted size and its lines. Most of them (the
     * agency, the event's title, the statement, the signatory's heading) are the same on every certificate of an event;
     * fitting lays the text out at each trial size and printing lays it out again with OpenPDF's {@code ColumnText}
     * (JFR, issue #14: {@code ColumnText.go} 11-16 % of a render). Laid out once, its lines are then printed as they are.
     */
    private final Map<FitKey, Wrapped> wrappedTexts = new ConcurrentHashMap<>();
    private static final int WRAPPED_TEXTS = 4096;
    private volatile int fittings;
    private volatile int layouts;

    private record FitKey(TemplateModel.Text element, BaseFont font, float pageHeight, String value) {
    }

    /** A wrapped text's size and, when its lines are known, each line with its width (else it is laid out each time). */
    private record Wrapped(float size, List<String> lines, float[] widths) {
    }

    /** How many handed-in pictures were decoded (for tests: the logo once, not once per certificate). */
    private volatile int givenDecoded;

    /** Fails with {@link UnprintableTextException} before anything is written when a text cannot be printed. */
    public byte[] render(TemplateModel template, RenderInput input) {
        Map<String, Object> data = input.nested();
        ByteArrayOutputStream out = new ByteArrayOutputStream(lastSize.getOrDefault(template.name(), 44 * 1024) + 4 * 1024);
        float w = template.widthMm() * PT_PER_MM;
        float h = template.heightMm() * PT_PER_MM;
        Document document = new Document(new Rectangle(w, h), 0, 0, 0, 0);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPDFXConformance(PdfWriter.PDFA1B);
            document.addTitle(input.documentTitle());
            document.addCreator("Piagam");
            document.addAuthor(input.fields().getOrDefault("event.organiser", "Piagam"));
            document.addSubject(input.fields().getOrDefault("certificate.number", ""));
            // resolve all text first, so an unprintable name fails before any page is produced
            List<List<Prepared>> pages = new ArrayList<>();
            for (TemplateModel.Page page : template.pages()) {
                List<Prepared> prepared = new ArrayList<>();
                for (TemplateModel.Element e : page.elements()) {
                    prepared.add(prepare(template, e, data, input));
                }
                pages.add(prepared);
            }
            document.open();
            ICC_Profile icc = ICC_Profile.getInstance(SRGB);
            writer.setOutputIntents("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1", icc);
            PdfContentByte cb = writer.getDirectContent();
            for (int p = 0; p < template.pages().size(); p++) {
                if (p > 0) {
                    document.newPage();
                }
                TemplateModel.Page page = template.pages().get(p);
                if (page.background().isPresent()) {
                    Image bg = image(page.background().get());
                    bg.scaleAbsolute(w, h);
                    bg.setAbsolutePosition(0, 0);
                    cb.addImage(bg);
                }
                for (Prepared prepared : pages.get(p)) {
                    prepared.draw(cb, h);
                }
            }
            writer.createXmpMetadata();
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF could not be produced: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lastSize.put(template.name(), out.size());
        return out.toByteArray();
    }

    /**
     * A filled-in text as it is printed: runs of white space become one space; where the element may wrap, a line break
     * stays one (the signatory's "a.n. {office}," above "{position},"), so a line starts where the text says it does.
     */
    static String flatten(String text, boolean keepLineBreaks) {
        if (!keepLineBreaks) {
            return SPACES.matcher(text).replaceAll(" ").trim();
        }
        String lines = SPACES_IN_LINE.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll(" ");
        return BREAKS.matcher(lines.trim()).replaceAll("\n");
    }

    /** An element ready to draw: its text resolved and checked. */
    private interface Prepared {
        void draw(PdfContentByte cb, float pageHeight) throws DocumentException, IOException;
    }

    private Prepared prepare(TemplateModel t, TemplateModel.Element element, Map<String, Object> data, RenderInput input) {
        if (element instanceof TemplateModel.Text text) {
            BaseFont bf = font(t, text.font());
            String value = flatten(text.template().execute(data), text.maxLines() > 1);
            requireGlyphs(bf, text.id(), value);
            return (cb, ph) -> drawText(cb, ph, text, bf, value);
        }
        String statement = input.fields().get(RenderInput.SIGNATURE_STATEMENT);
        if (element instanceof TemplateModel.Image image && "signature".equals(image.id()) && statement != null && !statement.isBlank()) {
            // signed electronically: the statement stands where a scanned signature would, never the picture
            BaseFont bf = font(t, t.fonts().containsKey("serif") ? "serif" : t.fonts().keySet().iterator().next());
            requireGlyphs(bf, image.id(), statement);
            return (cb, ph) -> {
                ColumnText column = new ColumnText(cb);
                column.setSimpleColumn(image.x() * PT_PER_MM, ph - (image.y() + image.height()) * PT_PER_MM,
                        (image.x() + image.width()) * PT_PER_MM, ph - image.y() * PT_PER_MM);
                column.setAlignment(Element.ALIGN_CENTER);
                column.setLeading(0, 1.1f);
                column.addText(new Phrase(statement, new Font(bf, 6.5f, Font.ITALIC)));
                column.go();
            };
        }
        if (element instanceof TemplateModel.Image image) {
            byte[] given = image.source() == null ? null : input.images().get(image.source());
            if (given == null && image.asset() == null) {
                return (cb, ph) -> { }; // no picture and no stand-in: the layout leaves the place empty
            }
            if (given == null) {
                return (cb, ph) -> {
                    Image img = image(image.asset());
                    img.scaleAbsolute(image.width() * PT_PER_MM, image.height() * PT_PER_MM);
                    img.setAbsolutePosition(image.x() * PT_PER_MM, ph - (image.y() + image.height()) * PT_PER_MM);
                    cb.addImage(img);
                };
            }
            return (cb, ph) -> {
                Image img = given(given);
                float boxW = image.width() * PT_PER_MM;
                float boxH = image.height() * PT_PER_MM;
                float scale = Math.min(boxW / img.getWidth(), boxH / img.getHeight());
                float w = img.getWidth() * scale;
                float h = img.getHeight() * scale;
                img.scaleAbsolute(w, h);
                img.setAbsolutePosition(image.x() * PT_PER_MM + (boxW - w) / 2, ph - image.y() * PT_PER_MM - boxH + (boxH - h) / 2);
                cb.addImage(img);
            };
        }
        if (element instanceof TemplateModel.Qr qr) {
            BitMatrix matrix = QrCode.encode(input.qrContent());
            return (cb, ph) -> drawQr(cb, ph, qr, matrix);
        }
        if (element instanceof TemplateModel.Line line) {
            return (cb, ph) -> {
                cb.setLineWidth(line.lineWidth() * PT_PER_MM);
                cb.setColorStroke(color(line.color()));
                cb.moveTo(line.x1() * PT_PER_MM, ph - line.y1() * PT_PER_MM);
                cb.lineTo(line.x2() * PT_PER_MM, ph - line.y2() * PT_PER_MM);
                cb.stroke();
            };
        }
        if (element instanceof TemplateModel.Box box) {
            return (cb, ph) -> {
                cb.setLineWidth(box.lineWidth() * PT_PER_MM);
                cb.setColorStroke(color(box.color()));
                cb.rectangle(box.x() * PT_PER_MM, ph - (box.y() + box.height()) * PT_PER_MM, box.width() * PT_PER_MM,
                        box.height() * PT_PER_MM);
                cb.stroke();
            };
        }
        if (element instanceof TemplateModel.Scores sc) {
            if (input.scores().isEmpty()) {
                return (cb, ph) -> { };
            }
            BaseFont body = font(t, sc.font());
            input.scores().forEach(r -> requireGlyphs(body, sc.id(), r.component()));
            PdfPTable table = fit(sc.id(), sc.size(), sc.width(), sc.maxHeight(),
                    size -> scoresTable(sc, body, font(t, sc.headerFont()), size, input));
            return (cb, ph) -> table.writeSelectedRows(0, -1, sc.x() * PT_PER_MM, ph - sc.y() * PT_PER_MM, cb);
        }
        TemplateModel.Curriculum c = (TemplateModel.Curriculum) element;
        BaseFont body = font(t, c.font());
        BaseFont header = font(t, c.headerFont());
        for (RenderInput.CurriculumRow row : input.curriculum()) {
            requireGlyphs(body, c.id(), row.topic());
        }
        List<RenderInput.CurriculumRow> rows = input.curriculum();
        PdfPTable fitted;
        try {
            fitted = fit(c.id(), c.size(), c.width(), c.maxHeight(), size -> curriculumTable(body, header, size, rows, 0, rows.size()));
        } catch (UnprintableTextException tooLong) {
            // a long curriculum (a Diklat of 40 or 60 mata pelatihan) continues in a second column beside the first
            // (numbers and JP in narrower columns, down to 5 pt: still legible on paper)
            fitted = fit(c.id(), c.size(), 5f, c.width(), c.maxHeight(), size -> curriculumColumns(body, header, size, rows));
        }
        PdfPTable table = fitted;
        return (cb, ph) -> table.writeSelectedRows(0, -1, c.x() * PT_PER_MM, ph - c.y() * PT_PER_MM, cb);
    }

    /** Builds a table at decreasing font sizes until it fits its height (down to 6 pt). */
    private static PdfPTable fit(String id, float startSize, float widthMm, float maxHeightMm,
                                 Function<Float, PdfPTable> build) {
        return fit(id, startSize, 6f, widthMm, maxHeightMm, build);
    }

    /** Builds a table at decreasing font sizes until it fits its height (down to {@code minSize}). */
    private static PdfPTable fit(String id, float startSize, float minSize, float widthMm, float maxHeightMm,
                                 Function<Float, PdfPTable> build) {
        for (float size = startSize; ; size = Math.max(minSize, size - 0.5f)) {
            PdfPTable table = build.apply(size);
            table.setTotalWidth(widthMm * PT_PER_MM);
            table.setLockedWidth(true);
            if (table.getTotalHeight() <= maxHeightMm * PT_PER_MM) {
                return table;
            }
            if (size <= minSize) {
                throw new UnprintableTextException(id, "", "tabel terlalu panjang untuk tempatnya");
            }
        }
    }

    /** Checks each character of every text of every certificate, so a plain loop: the stream with its boxed distinct() cost 2 % of a render. */
    private static void requireGlyphs(BaseFont bf, String element, String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (lacksGlyph(bf, cp)) {
                StringBuilder missing = new StringBuilder();
                text.codePoints().filter(c -> lacksGlyph(bf, c)).distinct()
                        .forEach(c -> missing.append(missing.isEmpty() ? "" : " ").appendCodePoint(c));
                throw new UnprintableTextException(element, text, "karakter yang tidak tersedia di fon: " + missing);
            }
            i += Character.charCount(cp);
        }
    }

    private static boolean lacksGlyph(BaseFont bf, int cp) {
        return !Character.isWhitespace(cp) && !bf.charExists(cp);
    }

    private void drawText(PdfContentByte cb, float ph, TemplateModel.Text t, BaseFont bf, String value) throws DocumentException {
        if (value.isEmpty()) {
            return;
        }
        float width = t.width() * PT_PER_MM;
        float x = t.x() * PT_PER_MM;
        float top = ph - t.y() * PT_PER_MM;
        cb.setColorFill(color(t.color()));
        if (t.maxLines() <= 1) {
            float size = t.size();
            while (bf.getWidthPoint(value, size) > width && size > t.minSize()) {
                size = Math.max(t.minSize(), size - 0.25f);
            }
            float natural = bf.getWidthPoint(value, size);
            float scale = natural > width ? width / natural : 1f;
            float baseline = top - bf.getFontDescriptor(BaseFont.ASCENT, size);
            float anchor = switch (t.align()) {
                case LEFT -> x;
                case CENTER -> x + width / 2;
                case RIGHT -> x + width;
            };
            cb.beginText();
            cb.setFontAndSize(bf, size);
            cb.setHorizontalScaling(scale * 100f);
            float drawn = natural * scale;
            float start = switch (t.align()) {
                case LEFT -> anchor;
                case CENTER -> anchor - drawn / 2;
                case RIGHT -> anchor - drawn;
            };
            cb.setTextMatrix(start, baseline);
            cb.showText(value);
            cb.setHorizontalScaling(100f);
            cb.endText();
            return;
        }
        int alignment = switch (t.align()) {
            case LEFT -> Element.ALIGN_LEFT;
            case CENTER -> Element.ALIGN_CENTER;
            case RIGHT -> Element.ALIGN_RIGHT;
        };
        FitKey key = new FitKey(t, bf, ph, value);
        Wrapped wrapped = wrappedTexts.get(key);
        if (wrapped == null) {
            wrapped = wrap(cb, t, bf, value, x, top, width, alignment);
            if (wrappedTexts.size() >= WRAPPED_TEXTS) {
                wrappedTexts.clear(); // a crude bound: the texts of the events being issued now come back within a few documents
            }
            wrappedTexts.put(key, wrapped);
        }
        if (wrapped.lines() == null) {
            layouts++;
            ColumnText real = column(cb, t, bf, value, wrapped.size(), x, top, width, alignment);
            if (ColumnText.hasMoreText(real.go())) {
                throw new UnprintableTextException(t.id(), value, "teks terlalu panjang untuk tempatnya");
            }
            return;
        }
        // where ColumnText puts them: the first baseline one leading below the column's top, the line's free width
        // left of it (centred: half), the next lines one leading lower
        float size = wrapped.size();
        float leading = size * t.lineHeight();
        float baseline = top - bf.getFontDescriptor(BaseFont.ASCENT, size);
        cb.beginText();
        cb.setFontAndSize(bf, size);
        for (int i = 0; i < wrapped.lines().size(); i++) {
            float free = width - wrapped.widths()[i];
            float start = switch (t.align()) {
                case LEFT -> x;
                case CENTER -> x + free / 2;
                case RIGHT -> x + free;
            };
            cb.setTextMatrix(start, baseline - i * leading);
            cb.showText(wrapped.lines().get(i));
        }
        cb.endText();
    }

    /**
     * Fits a wrapped text and breaks it into lines as {@code ColumnText} does (OpenPDF's {@code BidiLine}: as many
     * characters as fit, broken after the last space or hyphen, spaces at the break dropped). The lines are kept only
     * when the text fits and {@code ColumnText} lays it out in as many lines; otherwise it is laid out on each print.
     */
    private Wrapped wrap(PdfContentByte cb, TemplateModel.Text t, BaseFont bf, String value, float x, float top, float width,
                         int alignment) throws DocumentException {
        fittings++;
        float size = fittedSize(cb, t, bf, value, x, top, width, alignment);
        ColumnText trial = column(cb, t, bf, value, size, x, top, width, alignment);
        layouts++;
        boolean fits = !ColumnText.hasMoreText(trial.go(true));
        List<String> lines = new ArrayList<>();
        List<Float> widths = new ArrayList<>();
        int at = 0;
        while (fits && at < value.length()) {
            while (at < value.length() && value.charAt(at) == ' ') {
                at++; // a line does not start with the space it was broken at
            }
            float room = width;
            int i = at;
            int split = -1;
            for (; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\n' && i > at) {
                    break; // the text's own line break ends the line
                }
                if (Character.isSurrogate(c) || c < ' ') {
                    return new Wrapped(size, null, null); // beyond this simple line breaker: left to ColumnText
                }
                float w = bf.getWidthPoint(c, size);
                if (c == ' ') {
                    split = i; // a space is a place to break even when it no longer fits itself
                }
                if (room - w < 0) {
                    break;
                }
                if (c == '-' || c == '\u2010') {
                    split = i;
                }
                room -= w;
            }
            int end; // the line is value[at, end)
            int next;
            if (i < value.length() && value.charAt(i) == '\n') {
                end = trimmedEnd(value, at, i);
                next = i + 1;
            } else if (i == at) {
                end = at + 1; // not even one character fits: it is printed alone
                next = end;
            } else if (i == value.length()) {
                end = i;
                next = i;
            } else {
                int last = trimmedEnd(value, at, i); // the line's last character that is not a space
                if (split < at || split >= last - 1) {
                    end = last; // no earlier place to break: the text is cut where it stops fitting
                    next = i;
                } else {
                    next = split + 1;
                    end = Math.max(trimmedEnd(value, at, split + 1), at + 1);
                }
            }
            String line = value.substring(at, end);
            lines.add(line);
            widths.add(bf.getWidthPoint(line, size));
            at = next;
        }
        if (!fits || lines.size() != trial.getLinesWritten()) {
            return new Wrapped(size, null, null);
        }
        float[] w = new float[widths.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = widths.get(i);
        }
        return new Wrapped(size, List.copyOf(lines), w);
    }

    /** Lays the text out at this size without drawing it: true when some of it does not fit. */
    private boolean layout(PdfContentByte cb, TemplateModel.Text t, BaseFont bf, String value, float size, float x, float top,
                           float width, int alignment) throws DocumentException {
        layouts++;
        return ColumnText.hasMoreText(column(cb, t, bf, value, size, x, top, width, alignment).go(true));
    }

    /** The end (exclusive) of {@code value[from, to)} without its trailing spaces. */
    private static int trimmedEnd(String value, int from, int to) {
        int end = to;
        while (end > from && value.charAt(end - 1) == ' ') {
            end--;
        }
        return end;
    }

    /**
     * The size a wrapped text is printed at: its own size, else smaller by half a point until it fits its lines
     * (down to its minimum size), found by laying it out without drawing.
     */
    private float fittedSize(PdfContentByte cb, TemplateModel.Text t, BaseFont bf, String value, float x, float top, float width,
                                    int alignment) throws DocumentException {
        float size = t.size();
        while (layout(cb, t, bf, value, size, x, top, width, alignment) && size > t.minSize()) {
            size = Math.max(t.minSize(), size - 0.5f);
        }
        return size;
    }

    private static ColumnText column(PdfContentByte cb, TemplateModel.Text t, BaseFont bf, String value, float size, float x, float top,
                                     float width, int alignment) {
        float leading = size * t.lineHeight();
        // ColumnText puts the first baseline one leading below the top; a single line sits one ascent below
        float columnTop = top + leading - bf.getFontDescriptor(BaseFont.ASCENT, size);
        float bottom = columnTop - leading * t.maxLines() - size * 0.3f;
        ColumnText column = new ColumnText(cb);
        column.setSimpleColumn(new Phrase(value, new Font(bf, size, Font.NORMAL, color(t.color()))), x, bottom, x + width, columnTop,
                leading, alignment);
        return column;
    }

    /** Rows {@code from}..{@code to} of the curriculum, numbered as in the whole list; the total row closes the last part. */
    private static PdfPTable curriculumTable(BaseFont body, BaseFont header, float size, List<RenderInput.CurriculumRow> rows,
                                             int from, int to) {
        boolean whole = from == 0 && to == rows.size();
        PdfPTable table = new PdfPTable(whole ? new float[]{8, 76, 16} : new float[]{8, 82, 10});
        Font hf = tableFont(header, size);
        Font bf = tableFont(body, size);
        cell(table, "No.", hf, Element.ALIGN_CENTER, true);
        cell(table, "Mata Pelatihan", hf, Element.ALIGN_LEFT, true);
        cell(table, "JP", hf, Element.ALIGN_CENTER, true);
        for (int i = from; i < to; i++) {
            RenderInput.CurriculumRow r = rows.get(i);
            cell(table, (i + 1) + ".", bf, Element.ALIGN_CENTER, false);
            cell(table, r.topic(), bf, Element.ALIGN_LEFT, false);
            cell(table, Integer.toString(r.jp()), bf, Element.ALIGN_CENTER, false);
        }
        if (to == rows.size()) {
            spanning(table, "Jumlah", hf, 2);
            cell(table, Integer.toString(rows.stream().mapToInt(RenderInput.CurriculumRow::jp).sum()), hf, Element.ALIGN_CENTER, true);
        }
        return table;
    }

    /** The curriculum in two columns side by side: the first half on the left, the rest and the total on the right. */
    private static PdfPTable curriculumColumns(BaseFont body, BaseFont header, float size, List<RenderInput.CurriculumRow> rows) {
        int half = (rows.size() + 1) / 2;
        PdfPTable columns = new PdfPTable(new float[]{49, 2, 49});
        for (PdfPTable part : new PdfPTable[]{curriculumTable(body, header, size, rows, 0, half), null,
                curriculumTable(body, header, size, rows, half, rows.size())}) {
            PdfPCell holder = part == null ? new PdfPCell() : new PdfPCell(part);
            holder.setBorder(Rectangle.NO_BORDER);
            holder.setPadding(0);
            columns.addCell(holder);
        }
        return columns;
    }

    private static PdfPTable scoresTable(TemplateModel.Scores sc, BaseFont body, BaseFont header, float size, RenderInput input) {
        PdfPTable table = new PdfPTable(new float[]{8, 56, 16, 20});
        Font hf = tableFont(header, size);
        Font bf = tableFont(body, size);
        cell(table, "No.", hf, Element.ALIGN_CENTER, true);
        cell(table, "Komponen Penilaian", hf, Element.ALIGN_LEFT, true);
        cell(table, "Bobot (%)", hf, Element.ALIGN_CENTER, true);
        cell(table, "Nilai", hf, Element.ALIGN_CENTER, true);
        for (int i = 0; i < input.scores().size(); i++) {
            RenderInput.ScoreRow r = input.scores().get(i);
            cell(table, (i + 1) + ".", bf, Element.ALIGN_CENTER, false);
            cell(table, r.component(), bf, Element.ALIGN_LEFT, false);
            cell(table, Bahasa.decimal(r.weight()), bf, Element.ALIGN_CENTER, false);
            cell(table, r.score() == null ? "-" : Bahasa.decimal2(r.score()), bf, Element.ALIGN_CENTER, false);
        }
        // the final score and its kualifikasi on rows of their own, each value under the weight and score columns
        // together, so that "SANGAT MEMUASKAN" fits on one line
        String kualifikasi = input.fields().getOrDefault("result.kualifikasi", "");
        spanning(table, "Nilai akhir", hf, 2);
        total(table, input.fields().getOrDefault("result.finalScore", ""), hf);
        if (!kualifikasi.isEmpty()) {
            spanning(table, "Kualifikasi", hf, 2);
            total(table, kualifikasi, hf);
        }
        return table;
    }

    /**
     * A table's font, black: a cell's text is otherwise drawn in whatever fill colour the element before the table left
     * set (the heading "HASIL PENILAIAN" above the scores is dark blue).
     */
    private static Font tableFont(BaseFont font, float size) {
        return new Font(font, size, Font.NORMAL, Color.BLACK);
    }

    /** A value of the scores' last rows, across the weight and score columns. */
    private static void total(PdfPTable table, String text, Font font) {
        add(table, text, font, Element.ALIGN_CENTER, true, 2);
    }

    private static void spanning(PdfPTable table, String text, Font font, int columns) {
        add(table, text, font, Element.ALIGN_RIGHT, false, columns);
    }

    /** A cell's padding follows its font (3.5 pt at 10 pt, less at the sizes a long table shrinks to); lines are 1.25 × the size apart. */
    private static float padding(Font font) {
        return font.getSize() * 0.35f;
    }

    private static void cell(PdfPTable table, String text, Font font, int align, boolean header) {
        add(table, text, font, align, header, 1);
    }

    /** A cell over {@code columns} columns, with the header's background or none. */
    private static void add(PdfPTable table, String text, Font font, int align, boolean shaded, int columns) {
        PdfPCell cell = new PdfPCell(new Phrase(font.getSize() * 1.25f, text, font));
        cell.setColspan(columns);
        cell.setHorizontalAlignment(align);
        cell.setPadding(padding(font));
        cell.setBorderWidth(0.5f);
        if (shaded) {
            cell.setBackgroundColor(HEADER_BACKGROUND);
        }
        table.addCell(cell);
    }

    private static void drawQr(PdfContentByte cb, float ph, TemplateModel.Qr qr, BitMatrix m) {
        QrCode.draw(cb, m, qr.x() * PT_PER_MM, ph - qr.y() * PT_PER_MM, qr.size() * PT_PER_MM);
    }

    /** A fresh copy (position and scale are per use) of the image decoded once. */
    private Image image(TemplateModel.Asset asset) throws IOException, DocumentException {
        Image decoded = images.get(asset);
        if (decoded == null) {
            decoded = Image.getInstance(asset.bytes());
            images.put(asset, decoded);
        }
        return Image.getInstance(decoded);
    }

    /** A fresh copy of a handed-in picture, decoded once per distinct content (compared byte for byte). */
    private Image given(byte[] bytes) throws IOException, DocumentException {
        ByteBuffer key = ByteBuffer.wrap(bytes);
        Image decoded;
        synchronized (givenImages) {
            decoded = givenImages.get(key);
        }
        if (decoded == null) {
            decoded = Image.getInstance(bytes);
            givenDecoded++;
            synchronized (givenImages) {
                givenImages.put(key, decoded);
            }
        }
        return Image.getInstance(decoded);
    }

    int givenDecoded() {
        return givenDecoded;
    }

    /** How many wrapped texts were fitted by laying them out (for tests: once per distinct text, not once per certificate). */
    int fittings() {
        return fittings;
    }

    /** How many times a wrapped text was laid out with ColumnText, to fit or to print it (for tests). */
    int layouts() {
        return layouts;
    }

    /** How many font subsets were computed, all fonts together (for tests: once per glyph set, not once per document). */
    int subsetsComputed() {
        return fonts.values().stream().mapToInt(SharedSubsetFont::subsetsComputed).sum();
    }

    /** The most glyph sets one font keeps (for tests: bounded). */
    int mostSubsetsKept() {
        return fonts.values().stream().mapToInt(SharedSubsetFont::subsetsKept).max().orElse(0);
    }

    /** Parses the template's fonts now, so its first document does not pay for them. */
    void prepareFonts(TemplateModel template) {
        template.fonts().keySet().forEach(name -> font(template, name));
    }

    private BaseFont font(TemplateModel t, String name) {
        TemplateModel.Asset asset = t.fonts().get(name);
        return fonts.computeIfAbsent(asset.path(), p -> {
            try {
                SharedSubsetFont bf = new SharedSubsetFont(p, asset.bytes(), SUBSETS_PER_FONT);
                bf.addSubsetRange(ALWAYS_EMBEDDED);
                bf.setSecureRandom(SUBSET_TAGS);
                return bf;
            } catch (DocumentException | IOException e) {
                throw new TemplateException(t.name(), "font " + name, "fon tidak dapat dibaca: " + e.getMessage());
            }
        });
    }

    /**
     * The characters every subset of a template's fonts carries, printed or not: those of names, numbers, dates and the
     * printed verification link (letters, digits, space and {@code ' ( ) , - . / : _}; the link's code is base64url, so
     * {@code -} or {@code _} in some certificates and not others). A certificate's glyph set is then these, the template's own
     * text and the rare character of a person outside them, the same for nearly every certificate of a template, so its
     * subset is computed once and its bytes are the same in each PDF ({@link SharedSubsetFont}, issue #14), which lets
     * storage keep the font program once. Measured on the STTP: +5.9 KB per PDF (56.5 → 62.5 KB); all of printable
     * ASCII would cost +11.2 KB for symbols a name hardly has (one that does is simply another glyph set).
     */
    private static final int[] ALWAYS_EMBEDDED = {' ', ' ', '\'', ')', ',', ':', 'A', 'Z', '_', '_', 'a', 'z'};
    /** Glyph sets kept per font file: a template's usual one and those of names with other letters, least recently used out. */
    static final int SUBSETS_PER_FONT = 32;

    /**
     * Where the six letters that tag a font subset ({@code ABCDEF+DejaVuSerif}) come from. The tag only has to differ
     * between the subsets of one document, so no cryptographic randomness is needed: OpenPDF otherwise builds a new
     * {@link SecureRandom} for every subset of every document (seeding it under a JDK-wide lock the render threads
     * queued on, JFR, issue #14).
     */
    private static final SecureRandom SUBSET_TAGS = new SecureRandom() {
        @Override
        public double nextDouble() {
            return ThreadLocalRandom.current().nextDouble();
        }
    };

    private static Color color(String hex) {
        return COLORS.computeIfAbsent(hex, h -> new Color(Integer.parseInt(h.substring(1), 16)));
    }
}
