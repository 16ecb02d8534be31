package id.piagam.records;

import id.piagam.assessment.AssessmentComponent;
import id.piagam.assessment.AssessmentComponentRepository;
import id.piagam.programme.Event;
import id.piagam.programme.EventKind;
import id.piagam.programme.EventRepository;
import id.piagam.programme.EventSession;
import id.piagam.programme.EventSessionRepository;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rows of the events a person's records are computed from (the event, its sessions, its assessment components),
 * which the thirty to three hundred people of each event share: kept in memory with the event's version, which the
 * database raises with every write to the event, its sessions or its components (migration V38's triggers, whichever
 * code path or instance writes). A records request reads the versions of the person's events (one short statement);
 * when it holds every one of them at that version, it reads nothing more about the events, otherwise it reads the
 * person's events, sessions and components as before and keeps them. On SQLite, read inside the records' one read
 * transaction ({@code ReadSnapshot}), the versions and the rows belong to one state of the database; on PostgreSQL the
 * rows are read after the versions, so they are as new as the versions or newer: a version that moved on since only
 * makes the next request read again. Each instance keeps its own rows; the versions are the database's.
 *
 * <p>Events, sessions and components were 46 % of the records' reads' CPU (async-profiler, records alone,
 * docs/load.md). The memory is bounded by weight (an event counts one, each session and component one more), least
 * recently used out first: {@code piagam.records.event-rows} (60,000 by default: the 5,004 events of the load set with
 * their 15,012 sessions are about 20,000, about 7 MB of heap: the old generation after a full GC at the end of
 * run.sh, 47.3–47.6 MB against 40.5 MB without).
 */
@Singleton
class EventRows {

    /** The events of one person's enrolments, with their sessions and components. */
    record OfPerson(Map<Long, Event> events, List<EventSession> sessions, List<AssessmentComponent> components) {
    }

    private record Kept(long version, Event event, List<EventSession> sessions, List<AssessmentComponent> components) {
        int weight() {
            return 1 + sessions.size() + components.size();
        }
    }

    private final EventRepository events;
    private final EventSessionRepository sessions;
    private final AssessmentComponentRepository components;
    private final long maxWeight;
    private final LinkedHashMap<Long, Kept> kept = new LinkedHashMap<>(256, 0.75f, true);
    private long weight;
    private long hits;
    private long misses;

    EventRows(EventRepository events, EventSessionRepository sessions, AssessmentComponentRepository components,
              @Value("${piagam.records.event-rows:60000}") long maxWeight) {
        this.events = events;
        this.sessions = sessions;
        this.components = components;
        this.maxWeight = maxWeight;
    }

    /** The events of the person's enrolments (call inside one read transaction, with the enrolments read). */
    OfPerson ofParticipant(long participantId) {
        List<EventRepository.Version> versions = events.versionsByParticipant(participantId);
        List<Kept> known = known(versions);
        if (known != null) {
            Map<Long, Event> byId = new HashMap<>();
            List<EventSession> s = new ArrayList<>();
            List<AssessmentComponent> c = new ArrayList<>();
            for (Kept k : known) {
                byId.put(k.event().id(), k.event());
                s.addAll(k.sessions());
                c.addAll(k.components());
            }
            return new OfPerson(byId, s, c);
        }
        OfPerson read = read(participantId);
        keep(versions, read);
        return read;
    }

    /** The events of the person's enrolments, read from the database. */
    private OfPerson read(long participantId) {
        Map<Long, Event> byId = events.findByParticipant(participantId).stream().collect(Collectors.toMap(Event::id, e -> e));
        List<EventSession> s = sessions.findByParticipant(participantId);
        List<AssessmentComponent> c = byId.values().stream().anyMatch(e -> e.kind() == EventKind.DIKLAT)
                ? components.findByParticipant(participantId) : List.of();
        return new OfPerson(byId, s, c);
    }

    /** How often a person's events were all known, and how often they were read (for tests and measurements). */
    synchronized long[] hitsAndMisses() {
        return new long[]{hits, misses};
    }

    /** Every version's rows as kept, or null when one is missing or older. */
    private synchronized List<Kept> known(List<EventRepository.Version> versions) {
        List<Kept> found = new ArrayList<>(versions.size());
        for (EventRepository.Version v : versions) {
            Kept k = kept.get(v.eventId());
            if (k == null || k.version() != v.version()) {
                misses++;
                return null;
            }
            found.add(k);
        }
        hits++;
        return found;
    }

    private synchronized void keep(List<EventRepository.Version> versions, OfPerson read) {
        Map<Long, List<EventSession>> sessionsOf = read.sessions().stream().collect(Collectors.groupingBy(EventSession::eventId));
        Map<Long, List<AssessmentComponent>> componentsOf = read.components().stream().collect(Collectors.groupingBy(AssessmentComponent::eventId));
        for (EventRepository.Version v : versions) {
            Event e = read.events().get(v.eventId());
            if (e == null) {
                continue;
            }
            Kept k = new Kept(v.version(), e, List.copyOf(sessionsOf.getOrDefault(e.id(), List.of())),
                    List.copyOf(componentsOf.getOrDefault(e.id(), List.of())));
            Kept before = kept.put(e.id(), k);
            weight += k.weight() - (before == null ? 0 : before.weight());
        }
        var eldest = kept.entrySet().iterator();
        while (weight > maxWeight && eldest.hasNext()) {
            weight -= eldest.next().getValue().weight();
            eldest.remove();
        }
    }
}
