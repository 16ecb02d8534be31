package id.piagam.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import id.piagam.support.ServiceProcess;
import id.piagam.support.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service drain one outbox (one SQLite file, or PostgreSQL in that pass): each
 * message is sent by one of them, and an instance killed with SIGKILL while sending costs at most one
 * duplicate (same Message-ID) per message it had in flight, and loses none.
 */
// two service processes on one database; runs with -Pfull (as in CI)
@Tag("processes")
class MultiInstanceMailTest {

    private static final String FROM = "piagam@bpsdm.contoh.go.id";

    /** Mail to this SMTP port, polled every 200 ms, no per-minute brake and no reminders (they would wait for days). */
    private static Map<String, String> mailTo(int port, Duration claimLapse) {
        return Map.of("piagam.mail.smtp.host", "127.0.0.1", "piagam.mail.smtp.port", String.valueOf(port),
                "piagam.mail.smtp.tls", "NONE", "piagam.mail.from", FROM, "piagam.mail.poll", "200ms",
                "piagam.mail.per-minute", "100000", "piagam.mail.reminder-after", "36500d",
                "piagam.mail.claim-lapse", claimLapse.toSeconds() + "s");
    }

    @Test
    void twoInstancesSendEachOf200QueuedMessagesExactlyOnceAndBothTakePart() throws Exception {
        int people = 200;
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        TestDatabase db = TestDatabase.fresh();
        Map<String, String> settings = mailTo(smtp.getSmtp().getPort(), Duration.ofMinutes(5));
        try (ServiceProcess a = ServiceProcess.start(db.url(), db.user(), db.password(), settings);
             ServiceProcess b = ServiceProcess.start(db.url(), db.user(), db.password(), settings)) {
            long eventId = a.seedBimtek(people, "MAIL/{seq:4}/{yyyy}", true);
            a.call("POST", "/api/events/" + eventId + "/invitations", "{}");

            await("every invitation is sent").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                    .until(() -> count(db, "SELECT COUNT(*) FROM mail_outbox WHERE status = 'SENT'") == people);

            List<String> received = new ArrayList<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                received.add(m.getMessageID());
            }
            Map<String, Long> perId = received.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(received).as("each message arrived once").hasSize(people).doesNotHaveDuplicates();
            assertThat(perId.keySet()).as("the outbox's Message-IDs, each one").isEqualTo(column(db, "SELECT message_id FROM mail_outbox"));
            assertThat(count(db, "SELECT COUNT(*) FROM mail_outbox WHERE kind = 'INVITATION'")).isEqualTo(people);

            Map<String, Integer> bySender = sentBy(db);
            assertThat(bySender.keySet()).as("both instances sent part of the outbox")
                    .anyMatch(s -> s.startsWith(a.pid() + "-")).anyMatch(s -> s.startsWith(b.pid() + "-")).hasSize(2);
            assertThat(bySender.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(people);
        } finally {
            smtp.stop();
        }
    }

    @Test
    void anInstanceKilledWhileSendingCostsAtMostOneDuplicatePerMessageInFlightAndLosesNone() throws Exception {
        int people = 60;
        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.slow(Duration.ofMillis(250))) {
            TestDatabase db = TestDatabase.fresh();
            Map<String, String> settings = mailTo(smtp.port(), Duration.ofSeconds(3));
            Set<String> inFlight;
            try (ServiceProcess a = ServiceProcess.start(db.url(), db.user(), db.password(), settings);
                 ServiceProcess b = ServiceProcess.start(db.url(), db.user(), db.password(), settings)) {
                long eventId = a.seedBimtek(people, "MAIL/{seq:4}/{yyyy}", true);
                a.call("POST", "/api/events/" + eventId + "/invitations", "{}");
                String ofA = a.pid() + "-%";

                // kill a while it holds a claim: a message of its own is on its way to the slow server
                await("a is sending its tenth message").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                        .until(() -> count(db, "SELECT COUNT(*) FROM mail_outbox WHERE sent_by LIKE '" + ofA + "'") >= 10
                                && count(db, "SELECT COUNT(*) FROM mail_outbox WHERE status = 'PENDING' AND claimed_by LIKE '" + ofA + "'") == 1);
                a.kill();
                inFlight = column(db, "SELECT message_id FROM mail_outbox WHERE status = 'PENDING' AND claimed_by LIKE '" + ofA + "'");
                assertThat(inFlight).as("an instance has one message in flight at a time").hasSizeLessThanOrEqualTo(1);

                await("b sends the rest, a's lapsed claim included").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                        .until(() -> count(db, "SELECT COUNT(*) FROM mail_outbox WHERE status = 'SENT'") == people);
                assertThat(count(db, "SELECT COUNT(*) FROM mail_outbox WHERE status <> 'SENT'")).as("every row SENT").isZero();
                for (String id : inFlight) {
                    assertThat(single(db, "SELECT sent_by FROM mail_outbox WHERE message_id = ?", id)).as("taken over by b")
                            .startsWith(b.pid() + "-");
                }
            }
            Set<String> all = column(db, "SELECT message_id FROM mail_outbox");
            List<String> received = smtp.acceptedMessageIds();
            Map<String, Long> perId = received.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(perId.keySet()).as("every message delivered at least once, none lost").isEqualTo(all);
            Set<String> duplicated = new HashSet<>();
            perId.forEach((id, n) -> {
                assertThat(n).as("at most one duplicate of " + id).isLessThanOrEqualTo(2);
                if (n > 1) {
                    duplicated.add(id);
                }
            });
            assertThat(duplicated).as("only a message in flight at the kill goes twice").isSubsetOf(inFlight);
        }
    }

    private static Map<String, Integer> sentBy(TestDatabase db) throws Exception {
        Map<String, Integer> bySender = new HashMap<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT sent_by, COUNT(*) FROM mail_outbox GROUP BY sent_by")) {
            while (rs.next()) {
                bySender.put(String.valueOf(rs.getString(1)), rs.getInt(2));
            }
        }
        return bySender;
    }

    private static int count(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String single(TestDatabase db, String sql, String arg) throws Exception {
        try (Connection c = db.connect(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, arg);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static Set<String> column(TestDatabase db, String sql) throws Exception {
        Set<String> values = new HashSet<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
