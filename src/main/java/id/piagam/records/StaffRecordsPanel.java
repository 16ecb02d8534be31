package id.piagam.records;

import id.piagam.participant.Participant;
import id.piagam.participant.RecordsPanel;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Map;

/** A person's records beside the staff's edit form: the same read-model and fragment as their own page. */
@Singleton
class StaffRecordsPanel implements RecordsPanel {

    private final ParticipantRecords records;

    StaffRecordsPanel(ParticipantRecords records) {
        this.records = records;
    }

    @Override
    public void put(Map<String, Object> model, Participant person, Locale reader) {
        RecordsView.put(model, records.of(person, reader), "/sertifikat/", reader);
    }
}
