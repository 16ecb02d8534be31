package id.piagam.validation;

import java.util.List;

/**
 * One thing wrong with one field, as every rule in the project reports it: the field name as the
 * API spells it, a stable message code (resolved to Indonesian or English at the edge) and the
 * arguments of that message.
 */
public record FieldProblem(String field, String code, List<Object> args) {

    public static FieldProblem of(String field, String code, Object... args) {
        return new FieldProblem(field, code, List.of(args));
    }
}
