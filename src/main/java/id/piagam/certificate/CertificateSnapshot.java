package id.piagam.certificate;

import id.piagam.Digests;
import id.piagam.rendering.RenderInput;
import id.piagam.rendering.TemplateFields;
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
        if (input.images().containsKey(TemplateFields.PARTICIPANT_PHOTO)) {
            // which pas foto was printed (its bytes stay in the PDF): the SHA-256 of the frozen picture
            snapshot.put(TemplateFields.PARTICIPANT_PHOTO + "Sha256", Digests.sha256(input.images().get(TemplateFields.PARTICIPANT_PHOTO)));
        }
        try {
            return json.writeValueAsString(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
