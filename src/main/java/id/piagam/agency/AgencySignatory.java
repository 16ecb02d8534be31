package id.piagam.agency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One person who signs for the agency; {@code seq} is the place in the administrator's list. */
@MappedEntity("agency_signatory")
record AgencySignatory(@Id Integer seq, String name, @Nullable String nip, @Nullable String pangkat,
                       @Nullable String golongan, String position, @Nullable String office) {
}
