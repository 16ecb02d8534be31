package id.piagam.programme;

import java.util.Map;
import java.util.Optional;

/**
 * The port through which a new event takes the agency's own defaults (its name as organiser, its
 * default signatory) when no earlier event has any; implemented by the agency profile, which
 * programme does not know.
 */
public interface AgencyDefaults {

    /** The agency's name (the source shown on the form). */
    String agencyName();

    /** Values by the form's field names ({@link EventDefaults#FIELDS}); empty when no profile is saved. */
    Optional<Map<String, String>> eventDefaults();
}
