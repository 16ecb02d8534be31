package id.piagam.mail;

import id.piagam.certificate.MailProgress;
import id.piagam.participant.DeliveryPanel;
import id.piagam.participant.Participant;
import jakarta.inject.Singleton;

import java.util.Map;

/** The delivery facts other features' pages show: on a person's staff page, on the event page. */
@Singleton
class DeliveryPanels implements DeliveryPanel, MailProgress {

    private final Deliveries deliveries;

    DeliveryPanels(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void put(Map<String, Object> model, Participant person) {
        model.put("mailOff", !deliveries.enabled());
        model.put("messages", deliveries.lines(deliveries.forParticipant(person.id()), Map.of(person.id(), person.printedName())));
        model.put("bouncing", deliveries.bouncing(person));
        model.put("from", "peserta");
    }

    @Override
    public void put(Map<String, Object> model, long eventId) {
        model.put("mailOff", !deliveries.enabled());
        model.put("mail", deliveries.progress(eventId));
    }
}
