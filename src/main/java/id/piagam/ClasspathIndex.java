package id.piagam;

import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.core.io.service.SoftServiceLoader.StaticDefinition;
import io.micronaut.core.io.service.SoftServiceLoader.StaticServiceLoader;
import io.micronaut.core.optim.StaticOptimizations;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What the packaged jar holds of Micronaut's service files and of the migration folders, listed once at build time
 * ({@code mvn package}, phase prepare-package, {@link #main}) instead of at every start.
 *
 * <p>Without it, a start from the jar opens the jar as a zip file system and indexes its 41,000 entries to find the
 * service files under {@code META-INF/micronaut/} (Micronaut's {@code MicronautMetaServiceLoaderUtils}), and the
 * schema check enumerates them again for each migration folder: about a second of CPU on the start's critical path
 * (docs/startup.md, <i>Sixth round</i>). With it, {@link #install()} hands Micronaut the list through its public
 * static-optimisation hook (the one Micronaut AOT's generated code uses), and {@link #files} gives the migration files
 * by name.
 *
 * <p>It is used only when the class path is exactly the jar the index was built into ({@code java -jar}); from
 * {@code target/classes} (tests, {@code mvn exec:exec}) or with anything added to the class path, Micronaut scans as
 * usual. A service type the index does not list has no implementation in the jar, exactly as a scan would find.
 */
public final class ClasspathIndex {

    static final String RESOURCE = "META-INF/piagam/classpath.idx";
    private static final String MICRONAUT_SERVICES = "META-INF/micronaut/";
    private static final String STANDARD_SERVICES = "META-INF/services/";
    /** The class-path folders whose files are listed (the migrations). */
    private static final String LISTED_FOLDER = "db/";

    private static volatile ClasspathIndex installed;

    private final Map<String, List<String>> services;
    private final Set<String> files;

    ClasspathIndex(Map<String, List<String>> services, Set<String> files) {
        this.services = services;
        this.files = files;
    }

    /** Build time: writes the index of the class path it runs with into the given classes folder. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ClasspathIndex <classes folder>");
        }
        List<Path> entries = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isBlank()).map(Path::of).toList();
        ClasspathIndex index = scan(entries);
        Path out = Path.of(args[0]).resolve(RESOURCE);
        Files.createDirectories(out.getParent());
        Files.writeString(out, index.text(), StandardCharsets.UTF_8);
        System.out.printf("%s: %d service types, %d listed files%n", out, index.services.size(), index.files.size());
    }

    /** The service files and the listed folders' files of these class-path entries (folders or jars), in their order. */
    static ClasspathIndex scan(List<Path> entries) throws IOException {
        Map<String, List<String>> standard = new LinkedHashMap<>();
        Map<String, List<String>> micronaut = new LinkedHashMap<>();
        Set<String> files = new TreeSet<>();
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> all = Files.walk(entry)) {
                    for (Path p : all.filter(Files::isRegularFile).toList()) {
                        String name = entry.relativize(p).toString().replace(File.separatorChar, '/');
                        add(name, () -> Files.newInputStream(p), standard, micronaut, files);
                    }
                }
            } else if (Files.isRegularFile(entry)) {
                try (ZipFile zip = new ZipFile(entry.toFile())) {
                    for (ZipEntry e : Collections.list(zip.entries())) {
                        if (!e.isDirectory()) {
                            add(e.getName(), () -> zip.getInputStream(e), standard, micronaut, files);
                        }
                    }
                }
            }
        }
        // a scan reads the standard service files before Micronaut's own (ServiceScanner)
        Map<String, List<String>> services = new LinkedHashMap<>();
        Stream.of(standard, micronaut).forEach(m -> m.forEach((type, impls) -> services.computeIfAbsent(type, t -> new ArrayList<>()).addAll(impls)));
        services.replaceAll((type, impls) -> List.copyOf(new LinkedHashSet<>(impls)));
        return new ClasspathIndex(services, files);
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    private static void add(String name, Opener opener, Map<String, List<String>> standard,
                            Map<String, List<String>> micronaut, Set<String> files) throws IOException {
        if (name.startsWith(MICRONAUT_SERVICES)) {
            String[] parts = name.substring(MICRONAUT_SERVICES.length()).split("/");
            if (parts.length == 2 && !parts[1].startsWith(".")) {
                micronaut.computeIfAbsent(parts[0], t -> new ArrayList<>()).add(parts[1]);
            }
        } else if (name.startsWith(STANDARD_SERVICES) && name.indexOf('/', STANDARD_SERVICES.length()) < 0) {
            List<String> impls = standard.computeIfAbsent(name.substring(STANDARD_SERVICES.length()), t -> new ArrayList<>());
            try (BufferedReader r = new BufferedReader(new InputStreamReader(opener.open(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    int comment = line.indexOf('#');
                    String impl = (comment < 0 ? line : line.substring(0, comment)).trim();
                    if (!impl.isEmpty()) {
                        impls.add(impl);
                    }
                }
            }
        } else if (name.startsWith(LISTED_FOLDER)) {
            files.add(name);
        }
    }

    String text() {
        StringBuilder out = new StringBuilder("# written by id.piagam.ClasspathIndex at build time; see its comment\n");
        services.forEach((type, impls) -> impls.forEach(impl -> out.append("service ").append(type).append(' ').append(impl).append('\n')));
        files.forEach(f -> out.append("file ").append(f).append('\n'));
        return out.toString();
    }

    static ClasspathIndex parse(BufferedReader in) throws IOException {
        Map<String, List<String>> services = new LinkedHashMap<>();
        Set<String> files = new TreeSet<>();
        for (String line; (line = in.readLine()) != null; ) {
            String[] parts = line.split(" ");
            if (parts.length == 3 && parts[0].equals("service")) {
                services.computeIfAbsent(parts[1], t -> new ArrayList<>()).add(parts[2]);
            } else if (parts.length == 2 && parts[0].equals("file")) {
                files.add(parts[1]);
            }
        }
        return new ClasspathIndex(services, files);
    }

    /**
     * At start, before Micronaut: when running from the jar the index was built into, hands Micronaut the service
     * lists. Does nothing otherwise.
     */
    public static void install() {
        ClassLoader loader = ClasspathIndex.class.getClassLoader();
        URL url = loader.getResource(RESOURCE);
        if (url == null || !fromTheOnlyJar(url)) {
            return;
        }
        ClasspathIndex index;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
            index = parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The class-path index " + url + " cannot be read", e);
        }
        StaticOptimizations.set(new SoftServiceLoader.Optimizations(index.serviceLoaders(loader)));
        installed = index;
    }

    /** The index is inside the jar that is the whole class path. */
    private static boolean fromTheOnlyJar(URL url) {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.isEmpty() || classPath.contains(File.pathSeparator) || !"jar".equals(url.getProtocol())) {
            return false;
        }
        String jar = url.getPath();
        int separator = jar.indexOf("!/");
        try {
            return separator > 0 && Path.of(URI.create(jar.substring(0, separator))).equals(Path.of(classPath).toAbsolutePath());
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return false;
        }
    }

    /** The files of one listed class-path folder (e.g. {@code db/common}) when the index is installed. */
    public static Optional<List<String>> files(String folder) {
        ClasspathIndex index = installed;
        if (index == null) {
            return Optional.empty();
        }
        String prefix = folder + "/";
        return Optional.of(index.files.stream()
                .filter(f -> f.startsWith(prefix) && f.indexOf('/', prefix.length()) < 0).toList());
    }

    /** Every service type answers: the listed implementations, or none when the jar has none. */
    Map<String, StaticServiceLoader<?>> serviceLoaders(ClassLoader loader) {
        Map<String, StaticServiceLoader<?>> listed = new LinkedHashMap<>();
        services.forEach((type, impls) -> listed.put(type, new Listed<>(impls, loader)));
        StaticServiceLoader<?> none = new Listed<>(List.of(), loader);
        return new AbstractMap<>() {
            @Override
            public StaticServiceLoader<?> get(Object type) {
                return listed.getOrDefault(type, none);
            }

            @Override
            public boolean containsKey(Object type) {
                return type instanceof String;
            }

            @Override
            public Set<Entry<String, StaticServiceLoader<?>>> entrySet() {
                return listed.entrySet();
            }
        };
    }

    /**
     * The implementations of one service type, as a scan gives them: instantiated in parallel (as Micronaut's scan
     * does), and left out when the class or something its constructor needs cannot be loaded.
     */
    private record Listed<S>(List<String> names, ClassLoader loader) implements StaticServiceLoader<S> {
        private static final MethodType NO_ARGUMENTS = MethodType.methodType(void.class);

        @Override
        public Stream<StaticDefinition<S>> findAll(Predicate<String> condition) {
            return names.parallelStream().filter(condition).map(this::definition).flatMap(Optional::stream);
        }

        @SuppressWarnings("unchecked")
        private Optional<StaticDefinition<S>> definition(String name) {
            S instance;
            try {
                instance = (S) MethodHandles.publicLookup().findConstructor(Class.forName(name, false, loader), NO_ARGUMENTS).invoke();
            } catch (ClassNotFoundException | NoClassDefFoundError | NoSuchMethodException | IllegalAccessException e) {
                return Optional.empty();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("Service " + name + " cannot be created", e);
            }
            return Optional.of(StaticDefinition.of(name, () -> instance));
        }
    }
}
