package id.piagam.rendering;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one certificate prints: the placeholder values (flat, dotted keys as in
 * {@link TemplateFields}), the curriculum rows, the assessment rows (competency certificates) and
 * the content of the QR code.
 */
public record RenderInput(Map<String, String> fields, List<CurriculumRow> curriculum, List<ScoreRow> scores, String qrContent,
                          String documentTitle, Map<String, byte[]> images) {

    /** Without pictures: image elements with a {@code source} print their stand-in file, or nothing. */
    public RenderInput(Map<String, String> fields, List<CurriculumRow> curriculum, List<ScoreRow> scores, String qrContent,
                       String documentTitle) {
        this(fields, curriculum, scores, qrContent, documentTitle, Map.of());
    }

    /**
     * The field holding the electronic-signature statement of a document that will be signed: printed in
     * place of the template's {@code signature} image (a picture of a signature is not a signature).
     */
    public static final String SIGNATURE_STATEMENT = "signature.statement";

    /** This input with the electronic-signature statement set. */
    public RenderInput signedWith(String statement) {
        Map<String, String> withStatement = new LinkedHashMap<>(fields);
        withStatement.put(SIGNATURE_STATEMENT, statement);
        return new RenderInput(withStatement, curriculum, scores, qrContent, documentTitle, images);
    }

    /** One mata pelatihan with its JP. */
    public record CurriculumRow(String topic, int jp) {
    }

    /** One assessment component with its weight (percent) and score. */
    public record ScoreRow(String component, BigDecimal weight, BigDecimal score) {
    }

    /** This input with more fields and pictures (the agency's letterhead), which win over none of the existing ones. */
    public RenderInput with(Map<String, String> moreFields, Map<String, byte[]> moreImages) {
        Map<String, String> f = new LinkedHashMap<>(moreFields);
        f.putAll(fields);
        Map<String, byte[]> i = new LinkedHashMap<>(moreImages);
        i.putAll(images);
        return new RenderInput(f, curriculum, scores, qrContent, documentTitle, i);
    }

    /**
     * Whether the other input prints the same document: equal fields, rows, QR content and title, and pictures
     * with equal bytes (a record's own {@code equals} compares arrays by identity).
     */
    public boolean printsAs(RenderInput other) {
        return fields.equals(other.fields) && curriculum.equals(other.curriculum) && scores.equals(other.scores)
                && Objects.equals(qrContent, other.qrContent) && Objects.equals(documentTitle, other.documentTitle)
                && images.size() == other.images.size()
                && images.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), other.images.get(e.getKey())));
    }

    /** The fields as the nested maps Mustache reads: {@code participant.name → {participant: {name: …}}}. */
    Map<String, Object> nested() {
        Map<String, Object> root = new LinkedHashMap<>();
        fields.forEach((key, value) -> {
            int dot = key.indexOf('.');
            @SuppressWarnings("unchecked")
            Map<String, Object> group = (Map<String, Object>) root.computeIfAbsent(key.substring(0, dot), k -> new LinkedHashMap<>());
            group.put(key.substring(dot + 1), value == null ? "" : value);
        });
        return root;
    }
}
