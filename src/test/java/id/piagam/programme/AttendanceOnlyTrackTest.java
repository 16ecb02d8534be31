package id.piagam.programme;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import id.piagam.support.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A seminar, a workshop or a sosialisasi is attendance-only like a Bimtek, but carries its own LAN track. */
@MicronautTest(transactional = false)
class AttendanceOnlyTrackTest extends ApiTest {

    @Test
    void anAttendanceOnlyEventCarriesTheTrackThatFitsIt() {
        Api.Res seminar = operator.post("/api/events", Fixtures.aBimtek().with("title", "Seminar Transformasi Digital")
                .with("track", "KL06").body());
        assertThat(seminar.status()).as(seminar.body()).isEqualTo(201);
        assertThat(operator.get("/api/events/" + seminar.id()).get("track")).isEqualTo("KL06");
        assertThat(operator.get("/api/events/" + seminar.id()).get("trackLabel")).isEqualTo("Seminar/konferensi/sarasehan");

        Api.Res sosialisasi = operator.post("/api/events", Fixtures.aBimtek().with("track", "KL11").body());
        assertThat(sosialisasi.status()).isEqualTo(201);
        assertThat(operator.post("/api/events", Fixtures.aBimtek().body()).get("track")).isEqualTo("KL10");

        Api.Res training = operator.post("/api/events", Fixtures.aBimtek().with("track", "KL03").body());
        assertThat(training.status()).isEqualTo(400);
        assertThat(training.errorFields()).containsExactly("track");
        assertThat(training.errors().get(0).get("message").toString()).contains("KL06").contains("bukan KL03");
    }
}
