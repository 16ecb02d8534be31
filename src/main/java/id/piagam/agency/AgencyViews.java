package id.piagam.agency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The agency profile as the API reads and writes it. */
final class AgencyViews {

    private AgencyViews() {
    }

    @Serdeable
    record SignatoryRequest(@NotBlank @Size(max = 200) String name, @Nullable @Size(max = 40) String nip,
                            @Nullable @Size(max = 100) String pangkat, @Nullable @Size(max = 10) String golongan,
                            @NotBlank @Size(max = 200) String position, @Nullable @Size(max = 200) String office,
                            @Nullable Boolean isDefault) {
    }

    @Serdeable
    record AgencyRequest(@NotBlank @Size(max = 200) String fullName, @Nullable @Size(max = 60) String shortName,
                         @Nullable @Size(max = 200) String parent, @Nullable @Size(max = 500) String address,
                         @Nullable @Size(max = 40) String phone, @Nullable @Email @Size(max = 200) String email,
                         @Nullable @Size(max = 200) String website,
                         @Nullable @Size(max = 20) List<@Valid SignatoryRequest> signatories) {
    }

    @Serdeable
    record SignatoryView(String name, @Nullable String nip, @Nullable String pangkat, @Nullable String golongan,
                         String position, @Nullable String office, boolean isDefault) {
    }

    /** {@code source}: {@code PROFILE} when saved here, {@code SETTINGS} when read from {@code piagam.agency.*}. */
    @Serdeable
    record AgencyView(String source, String fullName, String shortName, String parent, String address, String phone,
                      String email, String website, String place, boolean hasLogo, @Nullable String logoUrl,
                      List<SignatoryView> signatories) {
    }
}
