package id.piagam.rendering;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.AcroFields;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfSignature;
import com.lowagie.text.pdf.PdfSignatureAppearance;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.RandomAccessFileOrArray;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Function;

/**
 * The PDF side of a PAdES signature: OpenPDF reserves the signature dictionary (SubFilter
 * {@code ETSI.CAdES.detached}, a ByteRange and room for the CMS) in an incremental update, so the
 * signed document keeps the PDF/A-1b original untouched; the CMS itself is built elsewhere
 * ({@code signing}) over the ByteRange bytes and embedded here. OpenPDF's own signing is not used:
 * it digests with MD5/SHA-1, which validators reject.
 */
public final class PdfSigning {

    private static final PdfName CADES_DETACHED = new PdfName("ETSI.CAdES.detached");
    /** Room kept beyond a CMS's expected size (an ECDSA value's length varies by a few bytes; attributes). */
    static final int SLACK = 1024;

    private PdfSigning() {
    }

    /** What a signature in a PDF says: the CMS bytes and the signing time claimed by the dictionary (may be null). */
    public record Found(byte[] cms, Instant claimedAt, boolean coversWholeDocument) {
    }

    /**
     * Signs {@code pdf}: {@code cms} receives the bytes the ByteRange covers and answers the DER-encoded
     * detached CMS over them. {@code reason} and {@code location} go into the signature dictionary.
     * {@code expectedCms} is the room reserved for the CMS (written as hex, so twice that in the file): the signer
     * knows it from its certificate chain and whether a timestamp is added. A CMS larger than that (a timestamp
     * authority answering with a longer chain) is not cut: the document is signed again with room for it.
     */
    public static byte[] sign(byte[] pdf, Instant at, String reason, String location, int expectedCms, Function<InputStream, byte[]> cms) {
        Attempt first = attempt(pdf, at, reason, location, expectedCms + SLACK, cms);
        if (first.pdf() != null) {
            return first.pdf();
        }
        Attempt second = attempt(pdf, at, reason, location, first.cmsLength() + SLACK, cms);
        if (second.pdf() == null) {
            throw new IllegalStateException("signature of " + second.cmsLength() + " bytes exceeds the " + (first.cmsLength() + SLACK) + " reserved");
        }
        return second.pdf();
    }

    /** A signed document, or (pdf null) the length of a CMS that did not fit in the room reserved. */
    private record Attempt(byte[] pdf, int cmsLength) {
    }

    private static Attempt attempt(byte[] pdf, Instant at, String reason, String location, int room, Function<InputStream, byte[]> cms) {
        try {
            // read partially: the incremental update copies the original bytes and touches only the catalogue, the first
            // page and the new field, so the fonts, images and content streams are never parsed
            PdfReader reader = new PdfReader(new RandomAccessFileOrArray(pdf), null);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * room + 4096);
            PdfStamper stamper = PdfStamper.createSignature(reader, out, '\0', null, true);
            keepMetadata(stamper, reader);
            PdfSignatureAppearance appearance = stamper.getSignatureAppearance();
            Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            when.setTimeInMillis(at.toEpochMilli());
            appearance.setSignDate(when);
            PdfSignature dictionary = new PdfSignature(PdfName.ADOBE_PPKLITE, CADES_DETACHED);
            dictionary.setDate(new PdfDate(when));
            if (reason != null && !reason.isBlank()) {
                appearance.setReason(reason);
                dictionary.setReason(reason);
            }
            if (location != null && !location.isBlank()) {
                appearance.setLocation(location);
                dictionary.setLocation(location);
            }
            appearance.setCryptoDictionary(dictionary);
            appearance.preClose(Map.of(PdfName.CONTENTS, room * 2 + 2));
            byte[] signature = cms.apply(appearance.getRangeStream());
            if (signature.length > room) {
                reader.close();
                return new Attempt(null, signature.length);
            }
            byte[] padded = new byte[room];
            System.arraycopy(signature, 0, padded, 0, signature.length);
            PdfDictionary contents = new PdfDictionary();
            contents.put(PdfName.CONTENTS, new PdfString(padded).setHexWriting(true));
            appearance.close(contents);
            reader.close();
            return new Attempt(out.toByteArray(), signature.length);
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF could not be signed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The signature's revision leaves the document's metadata as the renderer wrote it: the XMP packet untouched and
     * the Info dictionary with the dates the renderer gave it (the signing time is the signature dictionary's), so
     * the two still agree as PDF/A-1b requires. OpenPDF otherwise parses the XMP packet into a DOM and writes it again in
     * every signed document, looking up an XML parser factory on the whole class path each time (JFR: the largest
     * part of the code compiled for signing in a fresh JVM, issue #13 point 8).
     */
    private static void keepMetadata(PdfStamper stamper, PdfReader reader) {
        stamper.setUpdateMetadata(false);
        Map<String, String> info = new HashMap<>();
        info.put("ModDate", reader.getInfo().get("ModDate")); // null (the renderer writes none) removes the one OpenPDF adds
        stamper.setInfoDictionary(info);
    }

    /** The signatures in a PDF, in the order the document names them; empty when it is unsigned or unreadable. */
    public static List<Found> signatures(byte[] pdf) {
        List<Found> found = new ArrayList<>();
        try {
            PdfReader reader = new PdfReader(pdf);
            try {
                AcroFields fields = reader.getAcroFields();
                for (String name : fields.getSignatureTypes().keySet()) {
                    PdfDictionary dictionary = fields.getSignatureDictionary(name);
                    if (dictionary == null || !(dictionary.get(PdfName.CONTENTS) instanceof PdfString contents)) {
                        continue;
                    }
                    Instant claimed = null;
                    if (dictionary.get(PdfName.M) instanceof PdfString m) {
                        Calendar c = PdfDate.decode(m.toString());
                        claimed = c == null ? null : c.toInstant();
                    }
                    found.add(new Found(contents.getOriginalBytes(), claimed, fields.signatureCoversWholeDocument(name)));
                }
            } finally {
                reader.close();
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return found;
    }
}
