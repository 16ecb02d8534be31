package id.piagam.rendering;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The templates in the templates folder ({@code piagam.templates.dir}, default {@code ./templates}),
 * parsed at start-up and on reload. A broken template is logged with its file and element and
 * listed with its error; the others stay usable.
 */
@Context
public class TemplateCatalogue {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateCatalogue.class);

    /** A template folder and what loading it gave: the model, or the error. */
    public record Entry(String name, Optional<TemplateModel> model, Optional<String> error) {
    }

    private final Path root;
    private final PdfRenderer renderer = new PdfRenderer();
    private volatile Map<String, Entry> entries = Map.of();

    TemplateCatalogue(@Value("${piagam.templates.dir:templates}") String dir) {
        this.root = Path.of(dir).toAbsolutePath().normalize();
        reload();
    }

    public synchronized List<Entry> reload() {
        Map<String, Entry> loaded = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            LOG.error("Templates folder {} does not exist: no certificate can be issued", root);
        } else {
            TemplateParser parser = new TemplateParser(root);
            try (Stream<Path> folders = Files.list(root)) {
                for (Path folder : folders.filter(f -> Files.isRegularFile(f.resolve(TemplateParser.DESCRIPTOR))).sorted().toList()) {
                    String name = folder.getFileName().toString();
                    try {
                        loaded.put(name, new Entry(name, Optional.of(parser.parse(name)), Optional.empty()));
                    } catch (TemplateException e) {
                        LOG.error("Template {} cannot be used: {}", name, e.getMessage());
                        loaded.put(name, new Entry(name, Optional.empty(), Optional.of(e.getMessage())));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        entries = Map.copyOf(loaded);
        return list();
    }

    public List<Entry> list() {
        return List.copyOf(new TreeMap<>(entries).values());
    }

    public Optional<Entry> find(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** A file shared by the templates (a font in {@code fonts/}), read from inside the templates folder only. */
    public byte[] sharedFile(String relative) {
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("Outside the templates folder: " + relative);
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PdfRenderer renderer() {
        return renderer;
    }
}
