package id.piagam.agency;

import id.piagam.rendering.RenderInput;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A certificate's letterhead reads the saved agency profile once (issue #16): every certificate of a bulk issue
 * printed it from eleven reads of the same row, one per field, eleven of its thirty round trips on PostgreSQL.
 */
class AgencyReadsTest {

    @Test
    void aDocumentReadsTheSavedProfileOnceAndPrintsEveryField() {
        AtomicInteger reads = new AtomicInteger();
        AgencyProfile saved = new AgencyProfile(AgencyProfile.ID, "Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur", "BPSDM Jatim",
                "Pemerintah Provinsi Jawa Timur", "Jalan Balongsari Tama\nSurabaya 60186", "031-7404171", "bpsdm@jatimprov.go.id",
                "bpsdm.jatimprov.go.id", null, null, null, Instant.EPOCH);
        AgencyProfileRepository profiles = (AgencyProfileRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{AgencyProfileRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("findById")) {
                        reads.incrementAndGet();
                        return Optional.of(saved);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        Agency agency = new Agency("", "", "Surabaya", "target/no-such-logo.png", null, profiles, null);

        RenderInput printed = agency.onto(new RenderInput(Map.of(), List.of(), List.of(), "https://piagam.example/v/x", "STTP"));

        assertThat(reads).as("profile reads for one document").hasValue(1);
        assertThat(printed.fields()).containsEntry("agency.name", "Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur")
                .containsEntry("agency.shortName", "BPSDM Jatim").containsEntry("agency.parent", "Pemerintah Provinsi Jawa Timur")
                .containsEntry("agency.address", "Jalan Balongsari Tama, Surabaya 60186")
                .containsEntry("agency.addressLine",
                        "Jalan Balongsari Tama, Surabaya 60186 \u00b7 Telp. 031-7404171 \u00b7 bpsdm@jatimprov.go.id \u00b7 bpsdm.jatimprov.go.id");
    }
}
