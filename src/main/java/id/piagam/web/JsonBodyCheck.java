package id.piagam.web;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import id.piagam.text.CleanText;
import id.piagam.validation.FieldProblem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with a JSON body as a whole, read once with Jackson's streaming parser before any
 * controller sees it, each problem named by the JSON path the client sent ({@code sessions[0].topic}):
 * content after the first value ({@code {…}xyz}), a key given twice in one object
 * ({@code {"name":"a","name":"b"}}: which one counts would depend on the reader), and text that
 * {@link CleanText} refuses (by {@link FreeText}'s rule per field). A body that is not JSON at all
 * passes: the framework's reader reports it.
 */
final class JsonBodyCheck {

    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);

    /** The outcome: content after the value, or the fields refused (empty when the body may be read). */
    record Result(boolean trailing, List<FieldProblem> problems) {

        boolean refused() {
            return trailing || !problems.isEmpty();
        }
    }

    private JsonBodyCheck() {
    }

    static Result check(byte[] body) {
        List<FieldProblem> problems = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() == null) {
                return new Result(false, problems);
            }
            int depth = 0;
            JsonToken token = parser.currentToken();
            while (true) {
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    depth++;
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                } else if (token == JsonToken.VALUE_STRING) {
                    String field = path(parser.getParsingContext());
                    if (!FreeText.verbatim(field)) {
                        FreeText.refusal(field, CleanText.normalise(parser.getText()))
                                .ifPresent(code -> problems.add(FieldProblem.of(field, code)));
                    }
                }
                if (depth == 0) {
                    break;
                }
                token = parser.nextToken();
            }
        } catch (JsonParseException e) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.find() && e.getProcessor() != null) {
                JsonParser parser = e.getProcessor();
                String name = duplicate.group(1);
                String parent = path(parser.getParsingContext().getParent());
                problems.add(FieldProblem.of(parent.isEmpty() ? name : parent + "." + name, "json.duplicateKey", name));
                return new Result(false, problems);
            }
            return new Result(false, List.of()); // not valid JSON at all: the framework's reader says so
        } catch (IOException e) {
            return new Result(false, List.of());
        }
        return new Result(hasTrailingContent(body), problems);
    }

    /** True when a complete first JSON value is followed by anything but whitespace. */
    static boolean hasTrailingContent(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            parser.nextToken();
            parser.skipChildren();
            return parser.nextToken() != null;
        } catch (IOException e) {
            return true; // garbage after a complete value
        }
    }

    /** The JSON path of where the parser is, as the API names fields: {@code sessions[0].topic}, {@code [2].status}. */
    static String path(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.add(0, (c.getParent() != null && !c.getParent().inRoot() ? "." : "") + c.getCurrentName());
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }
}
