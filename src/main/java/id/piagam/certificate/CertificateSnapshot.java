package id.piagam.certificate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import id.piagam.Digests;
import id.piagam.rendering.RenderInput;
import id.piagam.rendering.TemplateFields;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The data a certificate printed, kept as JSON beside its PDF: as issued stays as issued. Its shape is fixed (the
 * fields, then the curriculum's and the scores' rows), so it is written value by value with Jackson's generator, the
 * one the service's JSON mapper writes with (the same escaping and numbers): handed to the mapper as a map of objects,
 * each value's serializer was looked up by its runtime type, 6 % of the render threads' time in a bulk issue (JFR, #14).
 */
@Singleton
public class CertificateSnapshot {

    private static final JsonFactory JSON = new JsonFactory();

    /** A stored snapshot's fields by name (the curriculum and scores as lists). */
    public static Map<String, Object> fields(JsonMapper json, String snapshot) {
        try {
            return json.readValue(snapshot, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable certificate snapshot", e);
        }
    }

    /** A field's text, "" when the snapshot has none. */
    public static String text(Map<String, Object> fields, String key) {
        Object v = fields.get(key);
        return v == null ? "" : v.toString();
    }

    String of(RenderInput input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            for (Map.Entry<String, String> field : input.fields().entrySet()) {
                g.writeStringField(field.getKey(), field.getValue()); // a null as null, as the mapper wrote a map's nulls
            }
            g.writeArrayFieldStart("curriculum");
            for (RenderInput.CurriculumRow r : input.curriculum()) {
                g.writeStartObject();
                g.writeStringField("topic", r.topic());
                g.writeNumberField("jp", r.jp());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("scores");
            for (RenderInput.ScoreRow r : input.scores()) {
                g.writeStartObject();
                g.writeStringField("component", r.component());
                g.writeNumberField("weight", r.weight());
                g.writeNumberField("score", r.score());
                g.writeEndObject();
            }
            g.writeEndArray();
            byte[] photo = input.images().get(TemplateFields.PARTICIPANT_PHOTO);
            if (photo != null) {
                // which pas foto was printed (its bytes stay in the PDF): the SHA-256 of the frozen picture
                g.writeStringField(TemplateFields.PARTICIPANT_PHOTO + "Sha256", Digests.sha256(photo));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
