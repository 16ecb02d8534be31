package id.piagam;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's logging without logback.xml: the same appender, pattern and levels as the file had. */
class LogbackConfigurationTest {

    @Test
    void logbackFindsTheConfigurationAsAService() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(LogbackConfiguration.class);
    }

    @Test
    void theConsoleLogsAsLogbackXmlDid() {
        LoggerContext context = new LoggerContext();
        LogbackConfiguration.configureInCode(context);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("com.zaxxer.hikari").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.flywaydb").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("id.piagam.certificate.CertificateJobs").getEffectiveLevel()).isEqualTo(Level.INFO);

        Appender<?> appender = root.getAppender("STDOUT");
        assertThat(appender).isInstanceOf(ConsoleAppender.class);
        assertThat(appender.isStarted()).isTrue();
        @SuppressWarnings("unchecked")
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) appender;
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), context.getLogger("io.micronaut.runtime.Micronaut"),
                Level.INFO, "Startup completed in 2980ms", null, null);
        String line = new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
        assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  i\\.m\\.runtime\\.Micronaut - Startup completed in 2980ms\\R");
    }

    @Test
    void aConfigurationFileStillWins() {
        LoggerContext context = new LoggerContext();
        LogbackConfiguration configuration = new LogbackConfiguration();
        configuration.setContext(context);

        assertThat(configuration.configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel())
                .as("the tests' logback-test.xml sets the root to WARN").isEqualTo(Level.WARN);
    }
}
