package id.piagam.rendering;

import com.google.zxing.common.BitMatrix;
import com.lowagie.text.Anchor;
import com.lowagie.text.BadElementException;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * A participant's transcript as a document an employer's HR office (BKD) can file: the agency's
 * letterhead, the title, the person's identity, every training (with its JP, result and
 * certificates), the JP per year and in total, where and when it was printed, and how to check it.
 * A transcript is not a certificate: each certificate listed carries its own QR code to that
 * certificate's public verification page, and the document says so. A4 portrait; the table's header
 * repeats on every page. Fonts: the template folder's shared font (embedded, so any script in a name
 * prints and the text stays extractable).
 */
public final class TranscriptPdf {

    /** The letterhead: the agency's name and address lines, and its logo (PNG or JPEG bytes, or null). */
    public record Letterhead(String name, List<String> address, byte[] logo) {
    }

    /** One line of the identity block: "NIP" and "19850314 201001 2 015". */
    public record Field(String label, String value) {
    }

    /** A certificate listed on a training's row: its number, a note (its state when not valid, or empty), and its verification link. */
    public record Certificate(String number, String note, String verifyUrl) {
    }

    /** One training. */
    public record Row(String no, String kind, String title, String organiser, String dates, String jp, String result,
                      List<Certificate> certificates) {
    }

    /** One year's JP total and how it stands against the person's rule. */
    public record YearRow(String year, String jp, String standing) {
    }

    /** The words of the document in the reader's language, and the data. */
    public record Input(Letterhead letterhead, String title, String holder, List<Field> identity, List<String> headers,
                        List<Row> rows, String empty, String perYearTitle, List<String> yearHeaders, List<YearRow> years,
                        String totalLabel, String totalJp, String rule, String checkNote, String printed, String pageLabel) {
    }

    private static final Color NAVY = new Color(0x1f3a68);
    private static final Color LINE = new Color(0xb8c0cf);
    private static final float QR_SIZE = 40; // points: 14 mm, a module of about half a millimetre for a verification link

    private final BaseFont regular;
    private final BaseFont bold;

    public TranscriptPdf(byte[] regularTtf, byte[] boldTtf) {
        try {
            this.regular = BaseFont.createFont("transcript-regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, regularTtf, null);
            this.bold = BaseFont.createFont("transcript-bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, boldTtf, null);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("The transcript fonts cannot be read", e);
        }
    }

    public byte[] render(Input in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 42, 42, 36, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(new Footer(in.holder() + " \u2013 " + in.title(), in.pageLabel()));
            doc.addTitle(in.title() + " \u2013 " + in.holder());
            doc.addCreator("Piagam");
            doc.open();
            letterhead(doc, in.letterhead());
            Paragraph title = new Paragraph(in.title(), new Font(bold, 13, Font.NORMAL, NAVY));
            title.setAlignment(Element.ALIGN_CENTER);
            title.setSpacingBefore(10);
            title.setSpacingAfter(10);
            doc.add(title);
            doc.add(identity(in.identity()));
            if (in.rows().isEmpty()) {
                Paragraph empty = new Paragraph(in.empty(), new Font(regular, 10));
                empty.setSpacingBefore(10);
                doc.add(empty);
            } else {
                doc.add(trainings(writer, in));
            }
            Paragraph perYear = new Paragraph(in.perYearTitle(), new Font(bold, 11, Font.NORMAL, NAVY));
            perYear.setSpacingBefore(12);
            perYear.setSpacingAfter(4);
            doc.add(perYear);
            doc.add(new Paragraph(in.rule(), new Font(regular, 9)));
            doc.add(years(in));
            Paragraph check = new Paragraph(in.checkNote(), new Font(regular, 9));
            check.setSpacingBefore(12);
            doc.add(check);
            Paragraph printed = new Paragraph(in.printed(), new Font(regular, 10));
            printed.setAlignment(Element.ALIGN_RIGHT);
            printed.setSpacingBefore(14);
            doc.add(printed);
            doc.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("The transcript could not be written", e);
        }
        return out.toByteArray();
    }

    /** The agency's logo beside its name and address, over a double rule, as on an official letter. */
    private void letterhead(Document doc, Letterhead head) throws DocumentException, IOException {
        if (head.name().isBlank() && head.address().isEmpty() && head.logo() == null) {
            return;
        }
        PdfPTable table = new PdfPTable(head.logo() == null ? new float[]{1} : new float[]{1, 6});
        table.setWidthPercentage(100);
        if (head.logo() != null) {
            Image logo = Image.getInstance(head.logo());
            logo.scaleToFit(56, 56);
            PdfPCell cell = new PdfPCell(logo, false);
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            table.addCell(cell);
        }
        PdfPCell text = new PdfPCell();
        text.setBorder(Rectangle.BOTTOM);
        text.setBorderWidthBottom(1.5f);
        text.setPaddingBottom(6);
        text.setVerticalAlignment(Element.ALIGN_MIDDLE);
        if (!head.name().isBlank()) {
            Paragraph name = new Paragraph(head.name(), new Font(bold, 12, Font.NORMAL, NAVY));
            name.setAlignment(Element.ALIGN_CENTER);
            text.addElement(name);
        }
        for (String line : head.address()) {
            Paragraph p = new Paragraph(line, new Font(regular, 9));
            p.setAlignment(Element.ALIGN_CENTER);
            text.addElement(p);
        }
        table.addCell(text);
        if (head.logo() != null) {
            text.setBorder(Rectangle.NO_BORDER);
            table.getRow(0).getCells()[0].setBorder(Rectangle.NO_BORDER);
        }
        doc.add(table);
        PdfPTable rule = new PdfPTable(1);
        rule.setWidthPercentage(100);
        PdfPCell line = new PdfPCell(new Phrase(""));
        line.setBorder(Rectangle.TOP | Rectangle.BOTTOM);
        line.setBorderWidthTop(1.8f);
        line.setBorderWidthBottom(0.5f);
        line.setFixedHeight(3);
        rule.addCell(line);
        rule.setSpacingBefore(4);
        doc.add(rule);
    }

    private PdfPTable identity(List<Field> fields) {
        PdfPTable table = new PdfPTable(new float[]{10, 1, 34});
        table.setWidthPercentage(100);
        table.setSpacingAfter(10);
        for (Field f : fields) {
            table.addCell(plain(f.label(), new Font(regular, 10)));
            table.addCell(plain(":", new Font(regular, 10)));
            table.addCell(plain(f.value(), new Font(bold, 10)));
        }
        return table;
    }

    private PdfPTable trainings(PdfWriter writer, Input in) throws BadElementException {
        PdfPTable table = new PdfPTable(new float[]{4, 30, 13, 4, 15, 22});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : in.headers()) {
            table.addCell(cell(new Phrase(h, new Font(bold, 8, Font.NORMAL, Color.WHITE)), NAVY));
        }
        Font f = new Font(regular, 8);
        for (Row r : in.rows()) {
            table.addCell(cell(new Phrase(r.no(), f), null));
            Phrase training = new Phrase(10.5f);
            training.add(new Chunk(r.title(), new Font(bold, 8)));
            training.add(new Chunk("\n" + r.kind() + " \u00b7 " + r.organiser(), new Font(regular, 7, Font.NORMAL, Color.DARK_GRAY)));
            table.addCell(cell(training, null));
            table.addCell(cell(new Phrase(r.dates(), f), null));
            PdfPCell jp = cell(new Phrase(r.jp(), f), null);
            jp.setHorizontalAlignment(Element.ALIGN_RIGHT);
            table.addCell(jp);
            table.addCell(cell(new Phrase(r.result(), f), null));
            table.addCell(certificates(writer, r.certificates(), f));
        }
        return table;
    }

    /** Each certificate: its number (a link to its verification page), its state when not valid, and its QR code. */
    private PdfPCell certificates(PdfWriter writer, List<Certificate> certificates, Font f) throws BadElementException {
        PdfPCell cell = cell(new Phrase("", f), null);
        for (Certificate c : certificates) {
            Paragraph number = new Paragraph(10);
            Anchor link = new Anchor(c.number(), f);
            link.setReference(c.verifyUrl());
            number.add(link);
            if (!c.note().isEmpty()) {
                number.add(new Chunk(" (" + c.note() + ")", new Font(bold, 8)));
            }
            cell.addElement(number);
            Paragraph code = new Paragraph(new Chunk(qr(writer, c.verifyUrl()), 0, 0, true));
            code.setLeading(QR_SIZE + 4);
            code.setSpacingBefore(2);
            cell.addElement(code);
        }
        return cell;
    }

    private static Image qr(PdfWriter writer, String url) throws BadElementException {
        BitMatrix m = QrCode.encode(url);
        PdfTemplate template = writer.getDirectContent().createTemplate(QR_SIZE + 4, QR_SIZE + 4);
        QrCode.draw(template, m, 2, QR_SIZE + 2, QR_SIZE);
        return Image.getInstance(template);
    }

    private PdfPTable years(Input in) {
        PdfPTable years = new PdfPTable(new float[]{8, 8, 24});
        years.setWidthPercentage(60);
        years.setHorizontalAlignment(Element.ALIGN_LEFT);
        years.setSpacingBefore(4);
        years.setHeaderRows(1);
        in.yearHeaders().forEach(h -> years.addCell(cell(new Phrase(h, new Font(bold, 8, Font.NORMAL, Color.WHITE)), NAVY)));
        Font f = new Font(regular, 9);
        for (YearRow y : in.years()) {
            years.addCell(cell(new Phrase(y.year(), f), null));
            PdfPCell jp = cell(new Phrase(y.jp(), f), null);
            jp.setHorizontalAlignment(Element.ALIGN_RIGHT);
            years.addCell(jp);
            years.addCell(cell(new Phrase(y.standing(), f), null));
        }
        Font b = new Font(bold, 9);
        years.addCell(cell(new Phrase(in.totalLabel(), b), null));
        PdfPCell total = cell(new Phrase(in.totalJp(), b), null);
        total.setHorizontalAlignment(Element.ALIGN_RIGHT);
        years.addCell(total);
        years.addCell(cell(new Phrase("", b), null));
        return years;
    }

    private static PdfPCell plain(String text, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(text == null ? "" : text, font));
        c.setBorder(Rectangle.NO_BORDER);
        c.setPadding(1.5f);
        return c;
    }

    private static PdfPCell cell(Phrase phrase, Color background) {
        PdfPCell c = new PdfPCell(phrase);
        c.setPadding(3);
        c.setBorderColor(LINE);
        if (background != null) {
            c.setBackgroundColor(background);
        }
        return c;
    }

    /** Every page names whose transcript it is and which page it is ("Halaman 2"), so loose pages stay together. */
    private final class Footer extends PdfPageEventHelper {

        private final String left;
        private final String pageLabel;

        Footer(String left, String pageLabel) {
            this.left = left;
            this.pageLabel = pageLabel;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            cb.beginText();
            cb.setFontAndSize(regular, 7);
            cb.setColorFill(Color.DARK_GRAY);
            cb.showTextAligned(Element.ALIGN_LEFT, left, document.left(), document.bottom() - 20, 0);
            cb.showTextAligned(Element.ALIGN_RIGHT, pageLabel + " " + writer.getPageNumber(), document.right(), document.bottom() - 20, 0);
            cb.endText();
        }
    }
}
