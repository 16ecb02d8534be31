package id.piagam;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.DefaultJoranConfigurator;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The service's logging, configured in code rather than by a {@code logback.xml}: one console
 * appender with the pattern below, INFO at the root, WARN for Hikari and Flyway. Reading an XML
 * configuration loads about 300 of Logback's classes and the JDK's XML parser at every start
 * (docs/startup.md). Registered through {@code META-INF/services}, so Logback (and Micronaut's
 * logging system when it refreshes) asks it first.
 *
 * <p>A configuration file still wins, read as Logback would: {@code -Dlogback.configurationFile},
 * or a {@code logback-test.xml} or {@code logback.xml} on the classpath (the tests have one).
 */
public final class LogbackConfiguration extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (configurationFileGiven()) {
            DefaultJoranConfigurator joran = new DefaultJoranConfigurator();
            joran.setContext(context);
            return joran.configure(context);
        }
        configureInCode(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The configuration logback.xml used to hold. */
    static void configureInCode(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
    }

    private static boolean configurationFileGiven() {
        ClassLoader loader = LogbackConfiguration.class.getClassLoader();
        return System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY) != null
                || loader.getResource(ClassicConstants.TEST_AUTOCONFIG_FILE) != null
                || loader.getResource(ClassicConstants.AUTOCONFIG_FILE) != null;
    }
}
