package id.piagam.persistence;

import id.piagam.assessment.ScoreRepository;
import id.piagam.attendance.AttendanceRepository;
import id.piagam.certificate.CertificateRepository;
import id.piagam.enrolment.EnrolmentRepository;
import id.piagam.assessment.AssessmentComponentRepository;
import id.piagam.programme.EventSessionRepository;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import id.piagam.support.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The queries behind the two hot paths under load, public verification and a participant's records,
 * read through an index, and so does the issuing path's check for a valid certificate (issue #16). The SQL is the one Micronaut Data generated for the repository method (or, for the records' reads mapped by hand, the repository's constant) (read
 * from the compiled repository), explained by the engine the suite runs on: SQLite's EXPLAIN QUERY
 * PLAN must say SEARCH … USING (an index or the primary key), never SCAN; PostgreSQL, with sequential scans priced out (the
 * test tables are tiny), must find an index path.
 */
@MicronautTest(transactional = false)
class QueryPlanTest {

    @Inject
    ApplicationContext context;
    private DataSource dataSource;

    @Inject
    void dataSource(DataSource contextual) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(contextual); // a plain pool connection, outside any transaction
    }

    @ParameterizedTest(name = "{0}.{1}")
    // the records of one person are seven queries, each through an index, whatever the number of trainings
    @CsvSource({
            "CertificateRepository, findByVerificationCode",      // verification
            "EnrolmentRepository, findByParticipantId",           // records: the person's enrolments
            "CertificateRepository, summariesOf",
            "ParticipantRows, read",                              // records: the person
            "EventRepository, findByIdIn",
            "EventRepository, findByParticipant",
            "EventSessionRepository, findByParticipant",
            "AssessmentComponentRepository, findByParticipant",
            "AttendanceRepository, findByParticipant",
            "ScoreRepository, findByParticipant",
            "EventRepository, versionsByParticipant",
            "EventSessionRepository, findByEventIdInOrderByPosition",
            "EventSessionRepository, findByEventIdOrderByPosition",
            "AssessmentComponentRepository, findByEventIdInOrderByPosition",
            "AssessmentComponentRepository, findByEventIdOrderByPosition",
            "AttendanceRepository, findByEnrolmentIdIn",
            "ScoreRepository, findByEnrolmentIdIn",
            // issuing: "has this enrolment a valid certificate?" with the status bound, as a prepared statement's generic plan sees it
            "CertificateRepository, findByEnrolmentIdAndStatus",
    })
    void readsThroughAnIndex(String repository, String method) throws Exception {
        String sql = generatedSql(repository, method);
        List<String> plan = explain(sql);
        if (url().startsWith("jdbc:sqlite:")) {
            assertThat(plan).as(sql).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotStartWith("SCAN"))
                    .anySatisfy(line -> assertThat(line).startsWith("SEARCH").containsPattern("USING .*(INDEX|PRIMARY KEY)"));
        } else {
            assertThat(String.join("\n", plan)).as(sql).doesNotContain("Seq Scan").containsPattern("Index (Only )?Scan|Bitmap Index Scan");
        }
    }

    /**
     * On PostgreSQL a person's enrolments and their attendance are read from the covering indexes of V34 alone (an
     * index-only scan, no heap page per enrolment): the records path's largest share of buffer reads before (issue #16).
     * The tables are vacuumed first, as autovacuum keeps them in service, so the visibility map allows it.
     */
    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource({
            "EnrolmentRepository, findByParticipantId, enrolment, ix_enrolment_participant_covering",
            "AttendanceRepository, findByEnrolmentIdIn, attendance, ix_attendance_enrolment_covering",
            "AttendanceRepository, findByParticipant, attendance, ix_attendance_enrolment_covering",
    })
    void recordsReadOnlyTheIndexOnPostgresql(String repository, String method, String table, String index) throws Exception {
        assumeTrue(TestDatabase.postgresql(), "PostgreSQL's covering indexes: runs in the PostgreSQL pass");
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("VACUUM ANALYZE " + table);
        }
        String sql = generatedSql(repository, method);
        assertThat(String.join("\n", explain(sql))).as(sql).contains("Index Only Scan using " + index).doesNotContain("Heap Scan");
    }

    private String url() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getURL();
        }
    }

    private String generatedSql(String repository, String method) {
        String handWritten = switch (repository + "." + method) {
            // the records' reads mapped by hand (id.piagam.persistence.Row): their SQL is the repository's constant
            case "EventRepository.findByParticipant" -> id.piagam.programme.EventRepository.BY_PARTICIPANT;
            case "EventRepository.versionsByParticipant" -> id.piagam.programme.EventRepository.VERSIONS_BY_PARTICIPANT;
            case "EventSessionRepository.findByParticipant" -> EventSessionRepository.BY_PARTICIPANT;
            case "AttendanceRepository.findByParticipant" -> AttendanceRepository.BY_PARTICIPANT;
            case "EnrolmentRepository.findByParticipantId" -> EnrolmentRepository.BY_PARTICIPANT;
            case "AssessmentComponentRepository.findByParticipant" -> AssessmentComponentRepository.BY_PARTICIPANT;
            case "ScoreRepository.findByParticipant" -> ScoreRepository.BY_PARTICIPANT;
            case "CertificateRepository.summariesOf" -> CertificateRepository.SUMMARIES_BY_PARTICIPANT;
            case "CertificateRepository.findByVerificationCode" -> CertificateRepository.BY_VERIFICATION_CODE;
            case "ParticipantRows.read" -> id.piagam.participant.ParticipantRows.BY_ID;
            default -> null;
        };
        if (handWritten != null) {
            return handWritten;
        }
        Class<?> type = switch (repository) {
            case "CertificateRepository" -> CertificateRepository.class;
            case "EnrolmentRepository" -> EnrolmentRepository.class;
            case "EventRepository" -> id.piagam.programme.EventRepository.class;
            case "EventSessionRepository" -> EventSessionRepository.class;
            case "AssessmentComponentRepository" -> AssessmentComponentRepository.class;
            case "AttendanceRepository" -> AttendanceRepository.class;
            case "ScoreRepository" -> ScoreRepository.class;
            default -> throw new IllegalArgumentException(repository);
        };
        BeanDefinition<?> definition = context.getBeanDefinition(type);
        ExecutableMethod<?, ?> m = definition.getExecutableMethods().stream().filter(x -> x.getMethodName().equals(method)).findFirst()
                .orElseThrow(() -> new AssertionError(repository + "." + method + " not found"));
        String sql = m.getAnnotationMetadata().stringValue(Query.class).orElseThrow();
        // an IN list is expanded at run time; explain it with two values
        return sql.replaceAll("\\(\\?\\)|\\(:[a-zA-Z]+\\)", "(?, ?)")
                .replaceAll(":[a-zA-Z]+", "?"); // a hand-written query's named parameter (@Query)
    }

    private List<String> explain(String sql) throws Exception {
        List<String> plan = new ArrayList<>();
        String literal = sql.replace("?", "'1'"); // a quoted literal: PostgreSQL casts it to the column's type
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            boolean sqlite = c.getMetaData().getURL().startsWith("jdbc:sqlite:");
            if (!sqlite) {
                st.execute("SET enable_seqscan = off");
            }
            try (ResultSet rs = st.executeQuery((sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + literal)) {
                while (rs.next()) {
                    plan.add(rs.getString(sqlite ? 4 : 1).trim());
                }
            }
            if (!sqlite) {
                st.execute("RESET enable_seqscan");
            }
        }
        return plan;
    }
}
