package id.piagam.certificate;

import id.piagam.rendering.RenderInput;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The data a certificate printed, kept as JSON beside its PDF: as issued stays as issued. */
@Singleton
class CertificateSnapshot {

    private final JsonMapper json;

    CertificateSnapshot(JsonMapper json) {
        this.json = json;
    }

    String of(RenderInput input) {
        Map<String, Object> snapshot = new LinkedHashMap<>(input.fields());
        snapshot.put("curriculum", input.curriculum().stream().map(r -> Map.of("topic", r.topic(), "jp", r.jp())).toList());
        snapshot.put("scores", input.scores().stream().map(r -> Map.of("component", r.component(), "weight", r.weight(),
                "score", r.score())).toList());
        try {
            return json.writeValueAsString(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
