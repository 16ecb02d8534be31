package id.piagam.rendering;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * A participant's transcript: every training with its dates, JP, result and certificate number, then
 * the JP per year against the annual target. A plain landscape A4 document in the template folder's shared
 * font (embedded, so any script in a name prints and the text stays extractable).
 */
public final class TranscriptPdf {

    /** One training line. */
    public record Row(String year, String kind, String title, String organiser, String dates, String jp, String result, String certificate) {
    }

    /** One year's JP total. */
    public record YearRow(String year, String jp, String target) {
    }

    /** The words of the document in the reader's language, and the data. */
    public record Input(String title, String holder, String identity, String generated, List<String> headers, List<Row> rows,
                        String perYearTitle, List<String> yearHeaders, List<YearRow> years, String empty) {
    }

    private static final Color NAVY = new Color(0x1f3a68);

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
        Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(in.title() + " – " + in.holder());
            doc.addCreator("Piagam");
            doc.open();
            doc.add(new Paragraph(in.title(), new Font(bold, 15, Font.NORMAL, NAVY)));
            doc.add(new Paragraph(in.holder(), new Font(bold, 12)));
            doc.add(new Paragraph(in.identity(), new Font(regular, 10)));
            Paragraph generated = new Paragraph(in.generated(), new Font(regular, 8, Font.NORMAL, Color.DARK_GRAY));
            generated.setSpacingAfter(12);
            doc.add(generated);
            if (in.rows().isEmpty()) {
                doc.add(new Paragraph(in.empty(), new Font(regular, 10)));
            } else {
                PdfPTable table = new PdfPTable(new float[]{5, 7, 25, 16, 12, 4, 11, 20});
                table.setWidthPercentage(100);
                table.setHeaderRows(1);
                in.headers().forEach(h -> table.addCell(cell(h, new Font(bold, 8, Font.NORMAL, Color.WHITE), NAVY)));
                for (Row r : in.rows()) {
                    Font f = new Font(regular, 8);
                    for (String v : List.of(r.year(), r.kind(), r.title(), r.organiser(), r.dates(), r.jp(), r.result(), r.certificate())) {
                        table.addCell(cell(v, f, null));
                    }
                }
                doc.add(table);
            }
            Paragraph perYear = new Paragraph(in.perYearTitle(), new Font(bold, 11, Font.NORMAL, NAVY));
            perYear.setSpacingBefore(14);
            perYear.setSpacingAfter(6);
            doc.add(perYear);
            PdfPTable years = new PdfPTable(new float[]{10, 10, 20});
            years.setWidthPercentage(40);
            years.setHorizontalAlignment(Element.ALIGN_LEFT);
            in.yearHeaders().forEach(h -> years.addCell(cell(h, new Font(bold, 8, Font.NORMAL, Color.WHITE), NAVY)));
            for (YearRow y : in.years()) {
                Font f = new Font(regular, 9);
                years.addCell(cell(y.year(), f, null));
                years.addCell(cell(y.jp(), f, null));
                years.addCell(cell(y.target(), f, null));
            }
            doc.add(years);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The transcript could not be written", e);
        }
        return out.toByteArray();
    }

    private static PdfPCell cell(String text, Font font, Color background) {
        PdfPCell c = new PdfPCell(new Phrase(text == null ? "" : text, font));
        c.setPadding(3);
        c.setBorderColor(new Color(0xd5dbe6));
        if (background != null) {
            c.setBackgroundColor(background);
        }
        return c;
    }
}
