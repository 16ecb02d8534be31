package id.piagam.bench;

import id.piagam.rendering.RenderInput;
import id.piagam.rendering.TemplateFields;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A certificate's fields filled with sample values, to render a two-page STTP without a database. */
public final class RenderSample {
    private RenderSample() {
    }

    public static RenderInput input() {
        Map<String, String> f = new LinkedHashMap<>();
        TemplateFields.ALL.forEach(k -> f.put(k, "Contoh isi " + k));
        f.put("participant.name", "Dr. Siti Aminah, S.E., M.M.");
        List<RenderInput.CurriculumRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(new RenderInput.CurriculumRow("Mata pelatihan ke-" + (i + 1), 4));
        }
        return new RenderInput(f, rows, List.of(new RenderInput.ScoreRow("Ujian", new java.math.BigDecimal("100"), new java.math.BigDecimal("85"))), "http://localhost:8080/verify/KPZR79Y8ew1MQjMz7ZwVMh_UJxM", "STTP");
    }
}
