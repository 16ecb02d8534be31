package id.piagam.rendering;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

/**
 * The templates in the templates folder ({@code piagam.templates.dir}, default {@code ./templates}),
 * parsed at start-up (in the background) and on reload. A broken template is logged with its file and element and
 * listed with its error; the others stay usable. Without that folder (a jar started elsewhere) the
 * default templates packaged in the application ({@value #BUILT_IN} on the classpath) are used.
 * <p>
 * The first load (parsing every template, hashing its files, and preparing the fonts for the
 * renderer) starts on a background thread as soon as the context creates the catalogue, and runs
 * beside the rest of the start (migrations, the pool, the server) instead of before it
 * (docs/startup.md). The server only opens once it has finished ({@link #onStartup}): a request
 * that waited for the templates inside an issuing transaction would hold the database's write lock
 * meanwhile, and another instance's writes would time out. Whatever asks for a template earlier (a
 * test that builds the catalogue itself) waits for it, and the log says how long.
 */
@Context
public class TemplateCatalogue {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateCatalogue.class);

    /** A template folder and what loading it gave: the model, or the error. */
    public record Entry(String name, Optional<TemplateModel> model, Optional<String> error) {
    }

    /** Where the repository's {@code templates/} folder is packaged (see the pom's resources). */
    static final String BUILT_IN = "default-templates";
    private static final String MARKER = "README.md";

    private final Path folder;
    private final PdfRenderer renderer = new PdfRenderer();
    private volatile Path root;
    private volatile Map<String, Entry> entries = Map.of();
    /** Runs once, on its own thread; whoever needs the templates earlier waits for it. */
    private final FutureTask<Void> firstLoad = new FutureTask<>(this::firstLoad, null);

    TemplateCatalogue(@Value("${piagam.templates.dir:templates}") String dir) {
        this.folder = Path.of(dir).toAbsolutePath().normalize();
        Thread loader = new Thread(firstLoad, "templates-first-load");
        loader.setDaemon(true);
        loader.start();
    }

    private void firstLoad() {
        long start = System.nanoTime();
        try {
            load();
        } catch (RuntimeException e) {
            LOG.error("The templates could not be loaded: no certificate can be issued", e);
            throw e;
        }
        for (Entry e : entries.values()) {
            e.model().ifPresent(model -> {
                try {
                    renderer.prepareFonts(model);
                } catch (TemplateException fontUnreadable) {
                    LOG.error("Template {} cannot be used: {}", e.name(), fontUnreadable.getMessage());
                }
            });
        }
        LOG.info("{} templates loaded and their fonts prepared in {} ms", entries.size(), (System.nanoTime() - start) / 1_000_000);
    }

    /** The context has started (migrations run, pool open): the server opens after this, with the templates ready. */
    @EventListener
    void onStartup(StartupEvent event) {
        awaitFirstLoad();
    }

    /** Waits for the first load. */
    private void awaitFirstLoad() {
        if (firstLoad.isDone()) {
            return;
        }
        long start = System.nanoTime();
        try {
            firstLoad.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the templates were loading", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The templates could not be loaded", e.getCause());
        }
        LOG.info("Waited {} ms for the templates' first load", (System.nanoTime() - start) / 1_000_000);
    }

    public List<Entry> reload() {
        awaitFirstLoad();
        return load();
    }

    private synchronized List<Entry> load() {
        Map<String, Entry> loaded = new TreeMap<>();
        root = Files.isDirectory(folder) ? folder : builtIn();
        if (root == null) {
            LOG.error("Templates folder {} does not exist and none is built in: no certificate can be issued", folder);
        } else {
            if (root != folder) {
                LOG.warn("Templates folder {} does not exist: using the default templates built into the application", folder);
            }
            TemplateParser parser = new TemplateParser(root);
            try (Stream<Path> folders = Files.list(root)) {
                for (Path template : folders.filter(f -> Files.isRegularFile(f.resolve(TemplateParser.DESCRIPTOR))).sorted().toList()) {
                    String name = template.getFileName().toString().replace("/", "");
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
        return List.copyOf(loaded.values());
    }

    public List<Entry> list() {
        awaitFirstLoad();
        return List.copyOf(new TreeMap<>(entries).values());
    }

    public Optional<Entry> find(String name) {
        awaitFirstLoad();
        return Optional.ofNullable(entries.get(name));
    }

    /** A file shared by the templates (a font in {@code fonts/}), read from inside the templates folder only. */
    public byte[] sharedFile(String relative) {
        awaitFirstLoad();
        Path root = this.root;
        if (root == null) {
            throw new IllegalStateException("No templates folder");
        }
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

    /** The built-in templates: a folder when running from classes, a folder inside the jar otherwise. */
    private static Path builtIn() {
        URL marker = TemplateCatalogue.class.getClassLoader().getResource(BUILT_IN + "/" + MARKER);
        if (marker == null) {
            return null;
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                try {
                    jar = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException notYet) {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                }
                return jar.getPath("/" + BUILT_IN);
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException | FileSystemAlreadyExistsException e) {
            LOG.error("The built-in templates cannot be read: {}", e.toString());
            return null;
        }
    }

    public PdfRenderer renderer() {
        return renderer;
    }
}
