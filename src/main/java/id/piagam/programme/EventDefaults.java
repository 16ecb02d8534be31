package id.piagam.programme;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a new event's form starts with, so that a secretariat does not retype who organises, where,
 * and the whole signature block for every event: taken from the first source that has them, in
 * order — the most recent event of the organiser the page names, then the most recent event
 * created here, then the agency's profile (its name as organiser, its default signatory); the
 * form only sees {@link Defaults}.
 */
@Singleton
class EventDefaults {

    /** The form fields (the API's JSON paths) a new event takes over. */
    public static final List<String> FIELDS = List.of("organiser", "place", "certificate.signatory.prefix", "certificate.signatory.office",
            "certificate.signatory.position", "certificate.signatory.name", "certificate.signatory.pangkat",
            "certificate.signatory.golongan", "certificate.signatory.nip");

    /** The values to start with, and where they come from (an event's title), or none. */
    record Defaults(Map<String, String> values, @Nullable String from, boolean fromAgency) {
        static final Defaults NONE = new Defaults(Map.of(), null, false);
    }

    private final EventRepository repository;
    private final EventService events;
    private final AgencyDefaults agency;

    EventDefaults(EventRepository repository, EventService events, AgencyDefaults agency) {
        this.repository = repository;
        this.events = events;
        this.agency = agency;
    }

    /** The defaults for a new event, of {@code organiser} when given. */
    Defaults forNewEvent(@Nullable String organiser) {
        for (Supplier<Optional<Defaults>> source : sources(organiser)) {
            Optional<Defaults> found = source.get();
            if (found.isPresent()) {
                return found.get();
            }
        }
        return Defaults.NONE;
    }

    /** The organisers named so far, to choose whose defaults to take. */
    List<String> organisers() {
        return repository.listOrganisers();
    }

    private List<Supplier<Optional<Defaults>>> sources(@Nullable String organiser) {
        List<Supplier<Optional<Defaults>>> sources = new ArrayList<>();
        if (organiser != null && !organiser.isBlank()) {
            sources.add(() -> repository.findLatestByOrganiser(organiser.trim()).map(this::of));
        }
        sources.add(() -> repository.findLatest().map(this::of));
        sources.add(() -> agency.eventDefaults().map(values -> new Defaults(values, agency.agencyName(), true)));
        return sources;
    }

    /** The event's values for the fields taken over, read as its edit form reads them. */
    private Defaults of(Event event) {
        Map<String, String> all = EventForm.values(events.view(event));
        Map<String, String> values = new HashMap<>();
        FIELDS.stream().filter(all::containsKey).forEach(f -> values.put(f, all.get(f)));
        return new Defaults(values, event.title(), false);
    }
}
