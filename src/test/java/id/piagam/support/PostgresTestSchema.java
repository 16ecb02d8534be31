package id.piagam.support;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.sql.SQLException;

/**
 * On PostgreSQL (environment {@code pgtest}), every test context gets its own fresh schema, as on
 * SQLite it gets its own file: the schema is created here and named in the URL's
 * {@code currentSchema}, where Flyway then runs the real migrations.
 */
@Singleton
@Requires(env = "pgtest")
class PostgresTestSchema implements BeanCreatedEventListener<DatasourceConfiguration> {

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        String url = config.getUrl();
        if (url == null || !url.startsWith("jdbc:postgresql:") || url.contains("currentSchema=")) {
            return config; // a test that sets its own SQLite file, or its own schema (several services on one database)
        }
        try {
            config.setUrl(TestDatabase.inFreshSchema(url, config.getUsername(), config.getPassword(), "t_"));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test schema on " + url, e);
        }
        return config;
    }
}
