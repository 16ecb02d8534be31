package id.piagam;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Main code names classes through imports, so a reader sees a file's dependencies at its top. */
class ImportsTest {

    /** A package path ending in a class name, in code (strings and comments are removed first). */
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.@\"])(?:java|javax|jakarta|io|org|com|id)(?:\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*");
    private static final Pattern STRINGS_AND_COMMENTS = Pattern.compile(
            "\"\"\"[\\s\\S]*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'|/\\*[\\s\\S]*?\\*/|//[^\\n]*");
    /** Where the simple name is taken (a class of the same package, or an import), the qualified name is the only way. */
    private static final Set<String> CLASHES = Set.of("exchange/SheetReader.java org.apache.poi.ss.usermodel.Sheet",
            "account/CsrfFilter.java io.netty.handler.codec.http.HttpMethod");

    @Test
    void mainCodeUsesImportsNotQualifiedNames() throws IOException {
        Path root = Path.of("src/main/java/id/piagam");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = STRINGS_AND_COMMENTS.matcher(Files.readString(file)).replaceAll("\"\"")
                        .replaceAll("(?m)^(package|import) [^\\n]*", "");
                Matcher m = QUALIFIED.matcher(code);
                while (m.find()) {
                    String use = root.relativize(file).toString().replace('\\', '/') + " " + m.group();
                    if (!CLASHES.contains(use)) {
                        found.add(use);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
