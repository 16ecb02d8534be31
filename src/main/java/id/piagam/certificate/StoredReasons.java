package id.piagam.certificate;

import java.util.Locale;
import id.piagam.rules.Reason;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of a stored {@link Reason} (a bulk job's item) as JSON that keeps their types, so the
 * reason is written in the reader's language when read, not in the language of the moment it was
 * stored: each argument is {@code {"<type>": value}} with type decimal, decimal2, date, integer, text,
 * enum (its class and constant), reason or list.
 */
@Singleton
class StoredReasons {

    private final JsonMapper json;

    StoredReasons(JsonMapper json) {
        this.json = json;
    }

    String encode(List<Object> args) {
        try {
            return json.writeValueAsString(JsonNode.createArrayNode(args.stream().map(StoredReasons::node).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reason decode(String code, String args) {
        try {
            return new Reason(code, values(json.readValue(args, JsonNode.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode node(Object arg) {
        if (arg instanceof BigDecimal d) {
            return tagged("decimal", JsonNode.createStringNode(d.toPlainString()));
        }
        if (arg instanceof Reason.Decimal2 d) {
            return tagged("decimal2", JsonNode.createStringNode(d.value().toPlainString()));
        }
        if (arg instanceof LocalDate date) {
            return tagged("date", JsonNode.createStringNode(date.toString()));
        }
        if (arg instanceof Integer || arg instanceof Long) {
            return tagged("integer", JsonNode.createStringNode(arg.toString()));
        }
        if (arg instanceof Enum<?> e) {
            return tagged("enum", JsonNode.createStringNode(e.getDeclaringClass().getName() + "#" + e.name()));
        }
        if (arg instanceof Reason r) {
            return tagged("reason", JsonNode.createObjectNode(Map.of("code", JsonNode.createStringNode(r.code()),
                    "args", JsonNode.createArrayNode(r.args().stream().map(StoredReasons::node).toList()))));
        }
        if (arg instanceof List<?> list) {
            return tagged("list", JsonNode.createArrayNode(list.stream().map(StoredReasons::node).toList()));
        }
        return tagged("text", JsonNode.createStringNode(String.valueOf(arg)));
    }

    private static JsonNode tagged(String type, JsonNode value) {
        Map<String, JsonNode> node = new LinkedHashMap<>();
        node.put(type, value);
        return JsonNode.createObjectNode(node);
    }

    private static List<Object> values(JsonNode array) {
        List<Object> values = new ArrayList<>();
        array.values().forEach(n -> values.add(value(n)));
        return values;
    }

    private static Object value(JsonNode node) {
        Map.Entry<String, JsonNode> e = node.entries().iterator().next();
        JsonNode v = e.getValue();
        return switch (e.getKey()) {
            case "decimal" -> new BigDecimal(v.getStringValue());
            case "decimal2" -> new Reason.Decimal2(new BigDecimal(v.getStringValue()));
            case "date" -> LocalDate.parse(v.getStringValue());
            case "integer" -> Long.valueOf(v.getStringValue());
            case "enum" -> constant(v.getStringValue());
            case "reason" -> new Reason(v.get("code").getStringValue(), values(v.get("args")));
            case "list" -> values(v);
            default -> v.getStringValue();
        };
    }

    /** An enum constant of this project (the stored class is never trusted beyond that). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object constant(String stored) {
        String type = stored.substring(0, stored.indexOf('#'));
        String name = stored.substring(stored.indexOf('#') + 1);
        try {
            Class<?> c = Class.forName(type);
            if (type.startsWith("id.piagam.") && c.isEnum()) {
                return Enum.valueOf((Class) c, name);
            }
        } catch (ClassNotFoundException | IllegalArgumentException ignored) {
            // a constant renamed since: its name is still readable
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
