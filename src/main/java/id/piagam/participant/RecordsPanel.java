package id.piagam.participant;

import java.util.Locale;
import java.util.Map;

/**
 * A port: the records a person's staff page shows beside the form (trainings, certificates, JP per
 * year). The records read side, which reads participant, implements it, so participant does not
 * depend on what reads it.
 */
public interface RecordsPanel {

    /** Puts the person's records into the page model, as the {@code fragments :: records} fragment reads them. */
    void put(Map<String, Object> model, Participant person, Locale reader);
}
