package id.piagam.rendering;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceCMYKColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a person checks in a certificate PDF: its text, its QR code, its fonts, its PDF/A validity. */
public final class PdfChecks {

    private PdfChecks() {
    }

    /** The text of a page as OpenPDF's extractor reads it, whitespace collapsed. */
    public static String text(byte[] pdf, int page) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            return new PdfTextExtractor(reader).getTextFromPage(page).replaceAll("\\s+", " ");
        } finally {
            reader.close();
        }
    }

    /** The fill colour (RGB, 0–1) the first glyph of {@code word} on the page is drawn in. */
    public static float[] colourOf(byte[] pdf, int page, String word) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            StringBuilder text = new StringBuilder();
            List<float[]> colours = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                { // the text stripper leaves colours out unless told to follow them
                    addOperator(new SetNonStrokingColorSpace(this));
                    addOperator(new SetNonStrokingColor(this));
                    addOperator(new SetNonStrokingColorN(this));
                    addOperator(new SetNonStrokingDeviceRGBColor(this));
                    addOperator(new SetNonStrokingDeviceGrayColor(this));
                    addOperator(new SetNonStrokingDeviceCMYKColor(this));
                }

                @Override
                protected void processTextPosition(TextPosition position) {
                    try {
                        int packed = getGraphicsState().getNonStrokingColor().toRGB();
                        float[] rgb = {((packed >> 16) & 0xFF) / 255f, ((packed >> 8) & 0xFF) / 255f, (packed & 0xFF) / 255f};
                        for (int i = 0; i < position.getUnicode().length(); i++) {
                            text.append(position.getUnicode().charAt(i));
                            colours.add(rgb);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            stripper.getText(doc);
            int at = text.indexOf(word);
            if (at < 0) {
                throw new AssertionError("\"" + word + "\" is not on page " + page);
            }
            return colours.get(at);
        }
    }

    /** The lines of a page as PDFBox reads them (in reading order), each trimmed. */
    public static List<String> lines(byte[] pdf, int page) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(doc).lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        }
    }

    public static int pages(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            return reader.getNumberOfPages();
        } finally {
            reader.close();
        }
    }

    /** Renders the page at 200 dpi and decodes the QR code on it. */
    public static String qr(byte[] pdf, int pageIndex) throws IOException, NotFoundException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            try {
                return qr(renderer.renderImageWithDPI(pageIndex, 200));
            } catch (NotFoundException notAt200) {
                // a whole page is a busy picture: the finder patterns are sometimes missed at one resolution and found
                // at another, as a phone finds them by moving closer
                return qr(renderer.renderImageWithDPI(pageIndex, 300));
            }
        }
    }

    private static String qr(BufferedImage page) throws NotFoundException {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page)));
        return new MultiFormatReader().decode(bitmap, Map.of(
                DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
                DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    /** The base names of the fonts, e.g. "ABCDEF+DejaVuSerif" for an embedded subset. */
    public static List<String> embeddedFonts(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        List<String> fonts = new ArrayList<>();
        try {
            for (int i = 1; i < reader.getXrefSize(); i++) {
                Object o = reader.getPdfObject(i);
                if (o instanceof PdfDictionary d && PdfName.FONTDESCRIPTOR.equals(d.get(PdfName.TYPE))) {
                    boolean embedded = d.get(PdfName.FONTFILE2) != null || d.get(PdfName.FONTFILE) != null || d.get(PdfName.FONTFILE3) != null;
                    fonts.add(d.get(PdfName.FONTNAME).toString().substring(1) + (embedded ? "" : " (not embedded)"));
                }
            }
        } finally {
            reader.close();
        }
        return fonts;
    }

    /**
     * Each embedded TrueType font program ({@code /FontFile2}) as stored in the file (its raw, still deflated bytes), by
     * the font's name without its subset tag ("DejaVuSerif-Bold").
     */
    public static Map<String, byte[]> fontPrograms(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        Map<String, byte[]> programs = new TreeMap<>();
        try {
            for (int i = 1; i < reader.getXrefSize(); i++) {
                Object o = reader.getPdfObject(i);
                if (o instanceof PdfDictionary d && PdfName.FONTDESCRIPTOR.equals(d.get(PdfName.TYPE))
                        && PdfReader.getPdfObject(d.get(PdfName.FONTFILE2)) instanceof PRStream file) {
                    String name = d.get(PdfName.FONTNAME).toString();
                    programs.put(name.substring(name.indexOf('+') + 1), PdfReader.getStreamBytesRaw(file));
                }
            }
        } finally {
            reader.close();
        }
        return programs;
    }

    /** The pictures drawn on a page (its image XObjects), each as "width x height" in pixels, with " alpha" when it has a soft mask. */
    public static List<String> images(byte[] pdf, int page) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        List<String> images = new ArrayList<>();
        try {
            PdfDictionary resources = reader.getPageN(page).getAsDict(PdfName.RESOURCES);
            PdfDictionary xobjects = resources == null ? null : resources.getAsDict(PdfName.XOBJECT);
            if (xobjects != null) {
                for (PdfName key : xobjects.getKeys()) {
                    if (PdfReader.getPdfObject(xobjects.get(key)) instanceof PRStream s && PdfName.IMAGE.equals(s.get(PdfName.SUBTYPE))) {
                        images.add(s.getAsNumber(PdfName.WIDTH).intValue() + " x " + s.getAsNumber(PdfName.HEIGHT).intValue()
                                + (s.get(PdfName.SMASK) != null ? " alpha" : ""));
                    }
                }
            }
        } finally {
            reader.close();
        }
        return images;
    }

    /** veraPDF's verdict for PDF/A-1b, with the failed rules when it is not compliant. */
    public static ValidationResult pdfA1b(byte[] pdf) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_1_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_1_B, false)) {
            return validator.validate(parser);
        }
    }
}
