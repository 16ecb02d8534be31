package id.piagam;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Tests wait for something with a deadline (Awaitility), never with a sleep loop that can wait for
 * ever. Two exceptions wait for nothing: the benchmark's heap sampler samples at a fixed rate until it
 * is told to stop, and the scripted SMTP server's latency makes a server slow on purpose.
 */
class TestWaitsTest {

    @Test
    void testCodeWaitsWithADeadlineNotWithThreadSleep() {
        JavaClasses tests = new ClassFileImporter().withImportOption(new ImportOption.OnlyIncludeTests()).importPackages("id.piagam");
        noClasses().that().doNotHaveFullyQualifiedName("id.piagam.bench.IssueBenchmark$HeapWatch")
                .and().doNotHaveFullyQualifiedName("id.piagam.mail.ScriptedSmtpServer$Latency")
                .should().callMethod(Thread.class, "sleep", long.class)
                .orShould().callMethod(Thread.class, "sleep", long.class, int.class)
                .orShould().callMethod(TimeUnit.class, "sleep", long.class)
                .check(tests);
    }
}
