package id.piagam.certificate;

import io.micronaut.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a certificate states about its holder and the training, read from its snapshot (the data it was rendered
 * from), so the secretariat sees what is printed without opening the PDF, and what an identity correction changes.
 * Each line names its label by a message key, or, for the identity number, by the word the document prints
 * ("NIP", "NI PPPK", "NIK").
 */
final class PrintedLines {

    /** One line: {@code labelKey} a message key, or null when {@code label} is printed as it is. */
    record Line(String labelKey, String label, String value) {
    }

    private PrintedLines() {
    }

    static List<Line> of(String snapshot, JsonMapper json, CertificateKind kind) {
        Map<String, Object> s = CertificateSnapshot.fields(json, snapshot);
        List<Line> lines = new ArrayList<>();
        add(lines, "identity.field.printedName", null, s, "participant.name");
        String idLabel = text(s, "participant.idLabel");
        if (!idLabel.isEmpty()) {
            add(lines, null, idLabel, s, "participant.idNumber");
        }
        add(lines, "certificate.printed.birth", null, s, "participant.birth");
        add(lines, "certificate.printed.rank", null, s, "participant.pangkatGolongan");
        add(lines, "identity.field.jabatan", null, s, "participant.jabatan");
        add(lines, "identity.field.unitKerja", null, s, "participant.unitKerja");
        add(lines, "identity.field.instansi", null, s, "participant.instansi");
        if (!kind.forPeserta()) {
            add(lines, "certificate.printed.role", null, s, "role.function", "role.name");
        }
        add(lines, "home.dates", null, s, "event.dateRange");
        if (kind.forPeserta()) {
            add(lines, "mine.jp", null, s, "event.jpWords");
        } else if (kind != CertificateKind.PANITIA) {
            add(lines, "mine.jp", null, s, "role.jpWords");
        }
        add(lines, "certificate.printed.finalScore", null, s, "result.finalScore");
        add(lines, "certificate.printed.kualifikasi", null, s, "result.kualifikasi");
        return lines;
    }

    /** The fields' values joined by a space; a line only when there is something (a "-" the document prints counts). */
    private static void add(List<Line> lines, String key, String label, Map<String, Object> s, String... fields) {
        StringBuilder value = new StringBuilder();
        for (String f : fields) {
            String v = text(s, f);
            if (!v.isEmpty()) {
                value.append(value.isEmpty() ? "" : " ").append(v);
            }
        }
        if (!value.isEmpty()) {
            // the comma that joins a unit kerja to the instansi on the document's line is not part of the value
            String v = value.charAt(value.length() - 1) == ',' ? value.substring(0, value.length() - 1) : value.toString();
            lines.add(new Line(key, label, v));
        }
    }

    private static String text(Map<String, Object> s, String key) {
        return CertificateSnapshot.text(s, key).trim();
    }
}
