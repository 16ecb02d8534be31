package id.piagam.agency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The saved agency profile: one row, id 1. */
@MappedEntity("agency_profile")
record AgencyProfile(@Id Long id, String fullName, @Nullable String shortName, @Nullable String parent,
                     @Nullable String address, @Nullable String phone, @Nullable String email, @Nullable String website,
                     @Nullable byte[] logo, @Nullable String logoType, @Nullable Integer defaultSignatory, Instant updatedAt) {

    static final long ID = 1L;
}
