package id.piagam.bench;

import id.piagam.Digests;
import id.piagam.support.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/** Fills the database with many stored certificates (rows written directly) for the streaming-ZIP measurement. */
final class ZipFixture {

    private ZipFixture() {
    }

    static String login(EmbeddedServer server) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getURL() + "/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"bench-admin-secret\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    static byte[] samplePdf(EmbeddedServer server) throws Exception {
        String token = login(server);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/templates/sttp-diklat/preview"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    /** One participant, enrolment and certificate (with a distinct PDF) per row. */
    static void insert(BenchDatabase db, Connection c, long eventId, byte[] pdf, int count) throws Exception {
        long now = System.currentTimeMillis();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO participant (full_name, nik, category, search_text, created_at, updated_at) "
                + "VALUES (?, ?, 'NON_ASN', ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
             PreparedStatement e = c.prepareStatement("INSERT INTO enrolment (event_id, participant_id, role, status, printed_name, category, "
                     + "created_at, updated_at) VALUES (?, ?, 'PESERTA', 'AKTIF', ?, 'NON_ASN', ?, ?)", Statement.RETURN_GENERATED_KEYS);
             PreparedStatement cert = c.prepareStatement("INSERT INTO certificate (kind, number, status, event_id, enrolment_id, participant_id, "
                     + "holder_name, issued_on, issued_at, issued_by, verification_code, sha256, pdf_size, snapshot, template_name, template_hash) "
                     + "VALUES ('COMPETENCY', ?, 'VALID', ?, ?, ?, ?, '2026-03-06', ?, 'bench', ?, ?, ?, '{}', 'sttp-diklat', 'x')",
                     Statement.RETURN_GENERATED_KEYS);
             PreparedStatement bytes = c.prepareStatement("INSERT INTO certificate_pdf (certificate_id, bytes) VALUES (?, ?)")) {
            for (int i = 0; i < count; i++) {
                String name = "Peserta Zip " + Fixtures.letters(i);
                p.setString(1, name);
                p.setString(2, String.format("9%015d", i));
                p.setString(3, name.toLowerCase());
                db.instant(p, 4, now);
                db.instant(p, 5, now);
                p.executeUpdate();
                long participant = key(p);
                e.setLong(1, eventId);
                e.setLong(2, participant);
                e.setString(3, name);
                db.instant(e, 4, now);
                db.instant(e, 5, now);
                e.executeUpdate();
                long enrolment = key(e);
                byte[] distinct = pdf.clone();
                distinct[distinct.length - 20] = (byte) i;
                distinct[distinct.length - 21] = (byte) (i >> 8); // distinct hashes for up to 65,536 rows
                cert.setString(1, "ZIP/" + i);
                cert.setLong(2, eventId);
                cert.setLong(3, enrolment);
                cert.setLong(4, participant);
                cert.setString(5, name);
                db.instant(cert, 6, now);
                cert.setString(7, "zip-" + i);
                cert.setString(8, Digests.sha256(distinct)); // every read checks it
                cert.setInt(9, distinct.length);
                cert.executeUpdate();
                bytes.setLong(1, key(cert));
                bytes.setBytes(2, distinct);
                bytes.executeUpdate();
            }
        }
    }

    private static long key(PreparedStatement st) throws Exception {
        try (ResultSet rs = st.getGeneratedKeys()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
