package id.piagam.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Bean Validation failures as field problems: the field is the property path below the method
 * argument ({@code sessions[2].jp}); the code is the constraint's template key, resolved in the
 * reader's language with the constraint's attributes ({@code {max}}). Used by the API's exception
 * handler and by pages that validate a bound form.
 */
public final class Violations {

    private Violations() {
    }

    public static List<FieldProblem> problems(Collection<? extends ConstraintViolation<?>> violations) {
        List<FieldProblem> fields = new ArrayList<>();
        for (ConstraintViolation<?> v : violations) {
            String template = v.getMessageTemplate();
            String code = template.startsWith("{") && template.endsWith("}") ? template.substring(1, template.length() - 1) : template;
            Map<String, Object> attributes = v.getConstraintDescriptor() == null ? Map.of() : v.getConstraintDescriptor().getAttributes();
            List<Object> args = new ArrayList<>();
            for (String key : List.of("min", "max", "value", "integer", "fraction")) {
                if (attributes.containsKey(key)) {
                    args.add(attributes.get(key));
                }
            }
            fields.add(new FieldProblem(fieldName(v.getPropertyPath()), code, args));
        }
        fields.sort(Comparator.comparing(FieldProblem::field));
        return fields;
    }

    /** Drops the method and parameter nodes: {@code create.request.sessions[0].jp → sessions[0].jp}. */
    public static String fieldName(Path path) {
        String full = path.toString();
        StringBuilder prefix = new StringBuilder();
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind != ElementKind.METHOD && kind != ElementKind.PARAMETER && kind != ElementKind.CONSTRUCTOR) {
                break;
            }
            prefix.append(node.getName()).append('.');
        }
        String p = prefix.toString();
        if (full.startsWith(p)) {
            return full.substring(p.length());
        }
        String trimmed = p.isEmpty() ? full : p.substring(0, p.length() - 1);
        int dot = trimmed.lastIndexOf('.');
        return full.equals(trimmed) && dot >= 0 ? trimmed.substring(dot + 1) : full;
    }
}
