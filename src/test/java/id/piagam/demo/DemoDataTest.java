package id.piagam.demo;

import id.piagam.support.Api;
import id.piagam.support.ApiTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@Property(name = "piagam.demo", value = "true")
class DemoDataTest extends ApiTest {

    @Test
    void seedsABimtekAndADiklatWithThirtyPeopleAndRealOutcomes() {
        assertThat(operator.get("/api/participants").get("total")).isEqualTo(30);
        List<?> events = (List<?>) operator.get("/api/events").get("items");
        assertThat(events.stream().map(e -> String.valueOf(((Map<?, ?>) e).get("kind"))).toList()).containsExactlyInAnyOrder("BIMTEK", "DIKLAT");
        for (Object e : events) {
            Map<?, ?> event = (Map<?, ?>) e;
            List<Map<String, Object>> lines = operator.get("/api/events/" + event.get("id") + "/eligibility").list();
            assertThat(lines).hasSizeGreaterThanOrEqualTo(15);
            assertThat(lines).anyMatch(l -> Boolean.TRUE.equals(l.get("eligible")));
            assertThat(lines).anyMatch(l -> Boolean.FALSE.equals(l.get("eligible")) && !((List<?>) l.get("reasons")).isEmpty());
            if ("DIKLAT".equals(event.get("kind"))) {
                assertThat(lines).anyMatch(l -> "COMPETENCY".equals(l.get("kind")));
            } else {
                assertThat(lines).noneMatch(l -> "COMPETENCY".equals(l.get("kind")));
            }
        }
        Api.Res someone = operator.get("/api/participants?q=ahmad");
        long id = ((Number) ((Map<?, ?>) ((List<?>) someone.get("items")).get(0)).get("id")).longValue();
        List<?> records = (List<?>) operator.get("/api/participants/" + id + "/records").get("events");
        assertThat(records).hasSize(2);
        // the eligible got their certificates, so a newcomer sees one at once
        assertThat(records).anySatisfy(r -> assertThat((List<?>) ((Map<?, ?>) r).get("certificates")).isNotEmpty());
    }
}
