package id.piagam.rendering;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.PdfCopy;
import com.lowagie.text.pdf.PdfReader;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;

/**
 * Concatenates stored certificates into one print file, one document at a time: each reader is
 * released after its pages are copied, so memory stays flat however many there are.
 */
public final class PdfMerger {

    private PdfMerger() {
    }

    public static void merge(Iterator<byte[]> documents, OutputStream out) throws IOException {
        Document document = new Document();
        try {
            PdfCopy copy = new PdfCopy(document, out);
            document.open();
            boolean any = false;
            while (documents.hasNext()) {
                PdfReader reader = new PdfReader(documents.next());
                for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                    copy.addPage(copy.getImportedPage(reader, page));
                    any = true;
                }
                copy.freeReader(reader);
                reader.close();
            }
            if (!any) {
                copy.setPageEmpty(false);
                document.newPage();
            }
            document.close();
        } catch (DocumentException e) {
            throw new IOException("merge failed: " + e.getMessage(), e);
        }
    }
}
