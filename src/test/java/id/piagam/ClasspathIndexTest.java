package id.piagam;

import io.micronaut.core.io.service.SoftServiceLoader.StaticDefinition;
import io.micronaut.core.io.service.SoftServiceLoader.StaticServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar's list of service files and migration files (built at {@code mvn package}) gives Micronaut what a
 * scan of the class path would: the same implementations per service type, none for a type the jar does not have,
 * classes that cannot be loaded left out; and it is used only when the class path is that jar alone.
 */
class ClasspathIndexTest {

    @TempDir
    Path dir;

    @Test
    void theIndexListsBothKindsOfServiceFileAndTheMigrationFilesOfEveryClassPathEntry() throws IOException {
        Path classes = dir.resolve("classes");
        write(classes.resolve("META-INF/micronaut/com.example.Service/com.example.FromMicronaut"), "");
        write(classes.resolve("META-INF/micronaut/com.example.Service/.hidden"), "");
        write(classes.resolve("META-INF/services/com.example.Service"), "# a comment\ncom.example.FromServices # why\n\n");
        write(classes.resolve("db/common/V1__first.sql"), "select 1;");
        write(classes.resolve("application.yml"), "a: b");
        Path jar = dir.resolve("lib.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            entry(zip, "META-INF/services/com.example.Service", "com.example.FromJar\ncom.example.FromServices\n");
            entry(zip, "META-INF/micronaut/com.example.Other/com.example.OtherImpl", "");
            entry(zip, "db/sqlite/V2__second.sql", "select 2;");
        }

        ClasspathIndex index = ClasspathIndex.scan(List.of(classes, jar, dir.resolve("missing.jar")));
        ClasspathIndex read = ClasspathIndex.parse(new BufferedReader(new StringReader(index.text())));

        assertThat(read.text()).isEqualTo(index.text());
        assertThat(index.text()).contains(
                        "service com.example.Service com.example.FromServices\n"
                        + "service com.example.Service com.example.FromJar\n"
                        + "service com.example.Service com.example.FromMicronaut\n")
                .contains("service com.example.Other com.example.OtherImpl\n")
                .contains("file db/common/V1__first.sql\n", "file db/sqlite/V2__second.sql\n")
                .doesNotContain(".hidden", "application.yml", "# why");
    }

    @Test
    void micronautGetsTheListedImplementationsThatLoadAndNoneForATypeTheJarDoesNotHave() throws IOException {
        ClasspathIndex index = ClasspathIndex.parse(new BufferedReader(new StringReader(
                "service java.lang.Runnable " + Task.class.getName() + "\n"
                        + "service java.lang.Runnable com.example.Missing\n"
                        + "service java.lang.Runnable " + Hidden.class.getName() + "\n"
                        + "service java.lang.Runnable " + Other.class.getName() + "\n")));
        Map<String, StaticServiceLoader<?>> loaders = index.serviceLoaders(getClass().getClassLoader());

        assertThat(loaders.get("java.lang.Runnable").findAll(name -> true).map(StaticDefinition::getName))
                .containsExactly(Task.class.getName(), Other.class.getName());
        assertThat(loaders.get("java.lang.Runnable").load(name -> !name.endsWith("Other"), null))
                .singleElement().isInstanceOf(Task.class);
        assertThat(loaders.containsKey("com.example.NotInTheJar")).isTrue();
        assertThat(loaders.get("com.example.NotInTheJar").findAll(name -> true)).isEmpty();
    }

    @Test
    void fromClassesFoldersNothingIsInstalledAndTheMigrationFilesAreListedAsUsual() {
        ClasspathIndex.install();

        assertThat(ClasspathIndex.files("db/common")).isEmpty();
    }

    public static final class Task implements Runnable {
        @Override
        public void run() {
        }
    }

    public static final class Other implements Runnable {
        @Override
        public void run() {
        }
    }

    /** Not public: a scan cannot create it either. */
    static final class Hidden implements Runnable {
        @Override
        public void run() {
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        OutputStream out = zip;
        out.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
