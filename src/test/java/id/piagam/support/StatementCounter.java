package id.piagam.support;

import com.zaxxer.hikari.util.DriverDataSource;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * For tests that count database round trips: every statement executed and every commit through the pool is
 * counted per thread-name prefix (the thread's name up to its last '-', so all runners of bulk jobs count as
 * {@code certificate-job}). It sits under Hikari, on the connections the engine's driver gives (after the
 * SQLite wrapper, which it wraps). Only in contexts with {@code piagam.test.count-statements=true}.
 */
@Singleton
@Requires(property = "piagam.test.count-statements", value = "true")
public class StatementCounter implements BeanCreatedEventListener<DatasourceConfiguration>, Ordered {

    private static final List<String> EXECUTING = List.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");

    private final Map<String, AtomicLong> statements = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> commits = new ConcurrentHashMap<>();
    private final Map<String, Queue<String>> prepared = new ConcurrentHashMap<>();
    private final Map<String, Queue<String>> executed = new ConcurrentHashMap<>();

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE; // after the engine's own listeners, so it wraps what they set
    }

    /** Statements executed so far by threads of this name prefix. */
    public long statements(String threadPrefix) {
        return statements.getOrDefault(threadPrefix, new AtomicLong()).get();
    }

    /** Commits made so far by threads of this name prefix. */
    public long commits(String threadPrefix) {
        return commits.getOrDefault(threadPrefix, new AtomicLong()).get();
    }

    /** The SQL text of every statement prepared so far by threads of this name prefix, in order. */
    public List<String> prepared(String threadPrefix) {
        return List.copyOf(prepared.getOrDefault(threadPrefix, new ConcurrentLinkedQueue<>()));
    }

    /**
     * The SQL text of every prepared statement executed so far by threads of this name prefix, in order, whether it was
     * prepared for this execution or kept from an earlier one (id.piagam.persistence.PreparedStatements).
     */
    public List<String> executed(String threadPrefix) {
        return List.copyOf(executed.getOrDefault(threadPrefix, new ConcurrentLinkedQueue<>()));
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        DataSource inner = config.getDataSource() != null ? config.getDataSource()
                : new DriverDataSource(config.getJdbcUrl() != null ? config.getJdbcUrl() : config.getUrl(), config.getDriverClassName(),
                new Properties(), config.getUsername(), config.getPassword());
        config.setDataSource(wrap(DataSource.class, inner, null));
        return config;
    }

    private static String prefix() {
        String name = Thread.currentThread().getName();
        int dash = name.lastIndexOf('-');
        return dash > 0 ? name.substring(0, dash) : name;
    }

    @SuppressWarnings("unchecked")
    private <T> T wrap(Class<T> type, T target, String preparedSql) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            String name = method.getName();
            String preparing = name.startsWith("prepare") && args != null && args.length > 0 && args[0] instanceof String sql ? sql : null;
            if (EXECUTING.contains(name) || name.equals("executeBatch")) {
                statements.computeIfAbsent(prefix(), k -> new AtomicLong()).incrementAndGet();
                if (preparedSql != null && (args == null || args.length == 0)) {
                    executed.computeIfAbsent(prefix(), k -> new ConcurrentLinkedQueue<>()).add(preparedSql);
                }
            } else if (preparing != null) {
                prepared.computeIfAbsent(prefix(), k -> new ConcurrentLinkedQueue<>()).add(preparing);
            } else if (name.equals("commit")) {
                commits.computeIfAbsent(prefix(), k -> new AtomicLong()).incrementAndGet();
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (name.equals("unwrap")) {
                return result; // what the caller asked for, as the driver gives it
            }
            if (result instanceof Connection c) {
                return wrap(Connection.class, c, null);
            }
            if (result instanceof Statement s && method.getReturnType().isInterface() && Statement.class.isAssignableFrom(method.getReturnType())) {
                return wrap((Class<Statement>) method.getReturnType(), s, preparing);
            }
            return result;
        });
    }
}
