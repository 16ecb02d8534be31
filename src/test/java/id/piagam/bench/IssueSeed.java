package id.piagam.bench;

import io.micronaut.context.ApplicationContext;

import java.util.HashMap;
import java.util.Map;

/**
 * Seeds the issuing comparison (src/test/load/issue.sh, docs/postgresql.md): one Diklat per count given, each with
 * that many eligible participants (attendance and scores recorded through the services), in an empty database
 * on either engine. Prints {@code <code> <event id>} per event.
 *
 * <p>{@code java -cp … id.piagam.bench.IssueSeed <jdbc url> <user> <password> 300 1000}
 */
public final class IssueSeed {

    private IssueSeed() {
    }

    public static void main(String[] args) {
        Map<String, Object> props = new HashMap<>(Map.of("datasources.default.url", args[0], "micronaut.server.port", -1,
                "piagam.admin-password", "bench-admin-secret"));
        boolean postgres = args[0].startsWith("jdbc:postgresql:");
        if (postgres) {
            props.put("datasources.default.username", args[1]);
            props.put("datasources.default.password", args[2]);
        }
        try (ApplicationContext ctx = postgres ? ApplicationContext.run(props, "postgresql") : ApplicationContext.run(props)) {
            int first = 0;
            for (int i = 3; i < args.length; i++) {
                int count = Integer.parseInt(args[i]);
                String code = "B" + count;
                System.out.println(code + " " + IssueBenchmark.seed(ctx, code, first, count).id());
                first += count;
            }
        }
    }
}
