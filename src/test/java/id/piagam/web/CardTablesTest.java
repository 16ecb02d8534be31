package id.piagam.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table marked {@code cards} turns into one card per row on a phone only inside a size container (the style sheet's
 * {@code @container} rule); without one it stays a table wider than the screen. Every such table in every page
 * template sits inside an element of a class the style sheet makes a container (found by a new-user walkthrough: the
 * email page's table ran off a 390 px screen).
 */
class CardTablesTest {

    private static final Path VIEWS = Path.of("src/main/resources/views");
    private static final Path STYLE = Path.of("src/main/resources/static/piagam.css");

    /** The classes whose rule declares {@code container-type}. */
    private static Set<String> containerClasses() throws IOException {
        Set<String> classes = new TreeSet<>();
        Matcher m = Pattern.compile("\\.([\\w-]+)\\s*\\{[^}]*container-type").matcher(Files.readString(STYLE, StandardCharsets.UTF_8));
        while (m.find()) {
            classes.add(m.group(1));
        }
        return classes;
    }

    @Test
    void everyCardTableSitsInsideASizeContainer() throws IOException {
        Set<String> containers = containerClasses();
        assertThat(containers).contains("cards-box");
        List<String> tables = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        try (Stream<Path> views = Files.list(VIEWS)) {
            for (Path view : views.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                for (Element table : Jsoup.parse(Files.readString(view, StandardCharsets.UTF_8)).select("table.cards")) {
                    String name = view.getFileName() + " #" + table.id();
                    tables.add(name);
                    if (table.parents().stream().noneMatch(p -> p.classNames().stream().anyMatch(containers::contains))) {
                        outside.add(name);
                    }
                }
            }
        }
        assertThat(tables).hasSizeGreaterThan(5).contains("surel-fragments.html #messages", "surel.html #manual");
        assertThat(outside).as("card tables outside a size container").isEmpty();
    }
}
