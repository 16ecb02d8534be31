package id.piagam.certificate;

import id.piagam.Digests;
import id.piagam.rendering.RenderInput;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The snapshot stored with each certificate: the JSON the service's mapper wrote for the same data, to the byte. */
@MicronautTest(transactional = false)
class CertificateSnapshotTest {

    @Inject
    JsonMapper json;

    @Inject
    CertificateSnapshot snapshots;

    /** How the snapshot was written before: the whole map handed to the service's JSON mapper (rows in a fixed key order). */
    private String throughTheMapper(RenderInput input, byte[] photo) throws Exception {
        Map<String, Object> snapshot = new LinkedHashMap<>(input.fields());
        snapshot.put("curriculum", input.curriculum().stream().map(r -> row("topic", r.topic(), "jp", r.jp())).toList());
        snapshot.put("scores", input.scores().stream().map(r -> {
            Map<String, Object> m = row("component", r.component(), "weight", r.weight());
            m.put("score", r.score());
            return m;
        }).toList());
        if (photo != null) {
            snapshot.put("participant.photoSha256", Digests.sha256(photo));
        }
        return json.writeValueAsString(snapshot);
    }

    private static Map<String, Object> row(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    @Test
    void theSnapshotIsTheJsonTheMapperWritesEvenForQuotesControlCharactersAndScripts() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("participant.name", "Dra. Siti \"Ika\" Nur'aini, M.Si.");
        fields.put("participant.instansi", "Dinas \\ Kominfo / Kab. <Pamekasan> & Co\tline\nnext\u0001\u001f\u007f");
        fields.put("event.title", "Pelatihan Kepemimpinan — Angkatan II · café ñ \u2028 ☺ \uD83D\uDE00 اللغة 日本");
        fields.put("event.partner", "");
        fields.put("agency.email", null);
        fields.put("certificate.number", "001/STTP/BPSDM/XII/2026");
        List<RenderInput.CurriculumRow> curriculum = List.of(new RenderInput.CurriculumRow("Wawasan Kebangsaan", 12),
                new RenderInput.CurriculumRow("Etika \"Publik\"", 0));
        List<RenderInput.ScoreRow> scores = List.of(
                new RenderInput.ScoreRow("Sikap", new BigDecimal("30"), new BigDecimal("85.50")),
                new RenderInput.ScoreRow("Aktualisasi", new BigDecimal("12.5"), new BigDecimal("1E+2")),
                new RenderInput.ScoreRow("Seminar", new BigDecimal("0.00"), null));
        byte[] photo = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3};
        RenderInput withPhoto = new RenderInput(fields, curriculum, scores, "https://contoh.go.id/v/abc", "STTP 001", Map.of())
                .with(Map.of(), Map.of("participant.photo", photo));

        String written = snapshots.of(withPhoto);

        assertThat(written).isEqualTo(throughTheMapper(withPhoto, photo));
        Map<String, Object> read = json.readValue(written, Argument.mapOf(String.class, Object.class));
        assertThat(read).containsEntry("participant.name", "Dra. Siti \"Ika\" Nur'aini, M.Si.")
                .containsEntry("participant.photoSha256", Digests.sha256(photo)).containsEntry("agency.email", null);

        RenderInput plain = new RenderInput(Map.of("participant.name", "Budi"), List.of(), List.of(), "q", "t");
        assertThat(snapshots.of(plain)).isEqualTo(throughTheMapper(plain, null))
                .isEqualTo("{\"participant.name\":\"Budi\",\"curriculum\":[],\"scores\":[]}");
    }
}
