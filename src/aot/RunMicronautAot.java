import io.micronaut.aot.MicronautAotOptimizer;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Micronaut AOT's optimiser for the packaged jar (docs/startup.md, "Micronaut AOT"). The
 * micronaut-maven-plugin's AOT goal runs the same entry point, {@link MicronautAotOptimizer#execute},
 * through micronaut-aot-cli, which this build cannot resolve; this is that command line without picocli.
 * The build (pom.xml, prepare-package) launches it as a single source file with the application, its
 * runtime classpath and micronaut-aot-std-optimizers on the classpath: the optimiser starts the
 * application's context to analyse it.
 *
 * <p>Two passes. The static service list of the first pass leaves out every bean whose requirements
 * did not hold in the build's context: a property given only at run time ({@code piagam.demo}), and
 * beans whose requirement needs other beans, which that context cannot resolve (Micronaut Security's
 * login controller and authenticator). The second pass forces all of those back in, so the jar decides
 * about them at run time exactly as before; only classes that cannot be loaded at all stay out.
 *
 * <p>Arguments: the AOT configuration (aot.properties), the package for the generated classes, the
 * output folder (it gets sources/, classes/ and logs/), and the application's classpath.
 */
public final class RunMicronautAot {
    private static final Pattern SKIPPED =
            Pattern.compile("^Skipping class (\\S+) because it doesn't match bean requirements$");
    private static final Pattern UNLOADABLE =
            Pattern.compile("^Skipping service \\S+ implementation (\\S+) because of missing dependencies:(.*)$");
    private static final String UNRESOLVED_BEANS = "Cannot resolve beans until the context is running";

    public static void main(String[] args) throws IOException {
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            config.load(in);
        }
        config.setProperty("package", args[1]);
        config.setProperty("output.directory", args[2]);
        config.setProperty("runtime", "jit");
        config.setProperty("classpath", String.join(",", args[3].split(File.pathSeparator)));
        MicronautAotOptimizer.execute(config);

        Set<String> forced = decidedAtRunTime(Path.of(args[2], "logs", "serviceloading.log"));
        config.setProperty("serviceloading.force.include.impls", String.join(",", forced));
        MicronautAotOptimizer.execute(config);
        System.out.println("Micronaut AOT: " + forced.size() + " beans left to their run-time requirements");
    }

    /** the classes the first pass left out for their requirements, less those that cannot be loaded */
    static Set<String> decidedAtRunTime(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        Set<String> skipped = new LinkedHashSet<>();
        for (String line : lines) {
            Matcher m = SKIPPED.matcher(line);
            if (m.matches()) {
                skipped.add(m.group(1));
            }
        }
        for (String line : lines) {
            Matcher m = UNLOADABLE.matcher(line);
            if (m.matches() && !m.group(2).equals(UNRESOLVED_BEANS)) {
                skipped.remove(m.group(1));
            }
        }
        return skipped;
    }
}
