package id.piagam.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/** Safe download names (streamed bodies: {@link DownloadStreams}). */
public final class Downloads {

    private Downloads() {
    }

    /** ASCII letters, digits and hyphens only: no path separators, quotes or control characters. */
    public static String slug(String text) {
        String ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String s = ascii.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-+|-+$)", "").toLowerCase(Locale.ROOT);
        return s.length() > 80 ? s.substring(0, 80) : s.isEmpty() ? "dokumen" : s;
    }

    public static String certificateFileName(String holder, String number) {
        return "sertifikat-" + slug(holder) + "-" + slug(number) + ".pdf";
    }

    public static String transcriptFileName(String holder) {
        return "transkrip-" + slug(holder) + ".pdf";
    }

    public static String attachment(String fileName) {
        return "attachment; filename=\"" + fileName + "\"; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8);
    }
}
