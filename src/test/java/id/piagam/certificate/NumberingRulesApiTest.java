package id.piagam.certificate;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import id.piagam.support.Scenario;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Certificate numbers are unique by construction, every event setting is checked when saved, and a collision is a 409. */
@MicronautTest(transactional = false)
class NumberingRulesApiTest extends ApiTest {

    @Inject
    DataSource contextual;
    @Inject
    CertificateRepository certificates;

    private static Map<String, Object> settings(String pattern, String issueDate) {
        Map<String, Object> c = new HashMap<>(Map.of("numberPattern", pattern, "signatory", Map.of("position", "Kepala", "name", "Dr. Hadi")));
        if (issueDate != null) {
            c.put("issueDate", issueDate);
        }
        return c;
    }

    private static Fixtures.EventBuilder bimtek(String start, String pattern, String issueDate) {
        return Fixtures.aBimtek().with("startDate", start).with("endDate", start)
                .with("sessions", List.of(Map.of("date", start, "topic", "Materi", "jp", 8)))
                .with("certificate", settings(pattern, issueDate));
    }

    @Test
    void aPatternWithoutTheYearKeepsCountingAcrossYears() throws SQLException {
        Scenario last = Scenario.of(operator, bimtek("2025-10-06", "UJI/{seq:3}/BPSDM", "2025-10-06"));
        long a = last.attending(601, "Ahmad Fauzi");
        assertThat(last.issue(a).get("number")).isEqualTo("UJI/001/BPSDM");

        Scenario next = Scenario.of(operator, bimtek("2026-02-02", "UJI/{seq:3}/BPSDM", "2026-02-02"));
        long b = next.attending(602, "Budi Hartono");
        Api.Res issued = next.issue(b);
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.get("number")).isEqualTo("UJI/002/BPSDM");
        assertThat(counters("UJI/{seq:3}/BPSDM")).containsExactly("0:2");
    }

    @Test
    void aPatternThatCanPrintAnotherPatternsNumbersIsRefusedWhenSaved() {
        Api.Res first = operator.post("/api/events", bimtek("2026-03-02", "DUP-{seq:4}", null).body());
        assertThat(first.status()).isEqualTo(201);

        Api.Res zero = operator.post("/api/events", bimtek("2026-03-02", "DUP-0{seq:3}", null).body());
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.errors()).singleElement().satisfies(e -> {
            assertThat(e.get("field")).isEqualTo("certificate.numberPattern");
            assertThat(e.get("code")).isEqualTo("numberPattern.seqDelimited");
        });

        Api.Res shorter = operator.post("/api/events", bimtek("2026-03-02", "DUP-{seq:3}", null).body());
        assertThat(shorter.status()).isEqualTo(400);
        assertThat(shorter.errors()).singleElement().satisfies(e -> {
            assertThat(e.get("field")).isEqualTo("certificate.numberPattern");
            assertThat(e.get("code")).isEqualTo("numberPattern.collides");
            assertThat((String) e.get("message")).contains("DUP-{seq:4}").contains("#" + first.id());
        });

        Api.Res theDefault = operator.post("/api/events", bimtek("2026-03-02", "800.2.4.2/{seq:4}/BPSDM/2026", null).body());
        assertThat(theDefault.status()).as("the default pattern prints 800.2.4.2/0001/BPSDM/2026").isEqualTo(400);
        assertThat(theDefault.errorFields()).containsExactly("certificate.numberPattern");

        assertThat(operator.post("/api/events", bimtek("2026-03-02", "DUP-B/{seq:4}", null).body()).status()).isEqualTo(201);
        assertThat(operator.post("/api/events", bimtek("2026-03-02", "DUP-{seq:4}", null).body()).status())
                .as("the same pattern shares its counter").isEqualTo(201);
    }

    @Test
    void aNumberAlreadyTakenIsAConflictNamingTheOtherCertificateNeverAServerError() throws SQLException {
        Scenario s = Scenario.of(operator, bimtek("2026-03-02", "RST/{seq:2}/A", null));
        long a = s.attending(611, "Citra Dewi");
        long b = s.attending(612, "Dedi Kurniawan");
        Api.Res first = s.issue(a);
        assertThat(first.get("number")).isEqualTo("RST/01/A");
        execute("DELETE FROM number_sequence WHERE pattern = 'RST/{seq:2}/A'"); // a counter lost (as the yearly reset did)

        Api.Res clash = s.issue(b);
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.get("type")).isEqualTo("https://piagam.id/problems/number-taken");
        assertThat(((Number) clash.get("existingId")).longValue()).isEqualTo(first.id());
        assertThat((String) clash.get("detail")).contains("RST/01/A").contains("Citra Dewi");

        Api.Res job = waitForJob(operator.post("/api/events/" + s.eventId + "/certificates", Map.of()));
        assertThat(job.get("failed")).isEqualTo(1);
        assertThat((List<?>) job.get("items")).anySatisfy(i -> {
            assertThat(((Map<?, ?>) i).get("outcome")).isEqualTo("FAILED");
            assertThat((String) ((Map<?, ?>) i).get("reason")).contains("RST/01/A").contains("sudah dipakai");
        });
        assertThat(certificates.findByEventIdOrderByNumber(s.eventId)).hasSize(1);
    }

    @Test
    void everyCertificateSettingIsCheckedWhenSaved() {
        assertThat(fieldCodes(bimtek("2026-03-02", "A/{seq:9999999999}/B", null))).containsExactly("certificate.numberPattern=numberPattern.width");
        assertThat(fieldCodes(bimtek("2026-03-02", "../../{seq}", null))).containsExactly("certificate.numberPattern=numberPattern.character");
        assertThat(fieldCodes(bimtek("2026-03-02", "%s%n/{seq}", null))).containsExactly("certificate.numberPattern=numberPattern.character");
        Map<String, Object> missing = settings("TPL/{seq}", null);
        missing.put("template", "tidak-ada");
        assertThat(fieldCodes(bimtek("2026-03-02", "TPL/{seq}", null).with("certificate", missing)))
                .containsExactly("certificate.template=template.unknown");
        Map<String, Object> wrongKind = settings("TPL/{seq}", null);
        wrongKind.put("template", "sttp-diklat");
        assertThat(fieldCodes(bimtek("2026-03-02", "TPL/{seq}", null).with("certificate", wrongKind)))
                .containsExactly("certificate.template=template.wrongKind");
        assertThat(fieldCodes(bimtek("9999-03-02", "TPL/{seq}", null))).contains("startDate=date.range", "endDate=date.range");
    }

    private List<String> fieldCodes(Fixtures.EventBuilder event) {
        long before = count("SELECT COUNT(*) FROM event");
        Api.Res r = operator.post("/api/events", event.body());
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(count("SELECT COUNT(*) FROM event")).isEqualTo(before);
        return r.errors().stream().map(e -> e.get("field") + "=" + e.get("code")).toList();
    }

    private Connection connection() throws SQLException {
        return DelegatingDataSource.unwrapDataSource(contextual).getConnection(); // a plain pool connection, outside any transaction
    }

    private List<String> counters(String pattern) throws SQLException {
        try (Connection c = connection();
             PreparedStatement ps = c.prepareStatement("SELECT year, last_value FROM number_sequence WHERE pattern = ? ORDER BY year")) {
            ps.setString(1, pattern);
            List<String> rows = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getInt(1) + ":" + rs.getLong(2));
                }
            }
            return rows;
        }
    }

    private long count(String sql) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }
}
