package id.piagam.participant;

import java.util.Map;

/**
 * A port: the email sent to a person (each message's state, Resend) and whether their address bounced,
 * shown on their staff page. The mail package, which reads participant, implements it, so participant
 * does not depend on mail.
 */
public interface DeliveryPanel {

    /** Puts the person's messages into the page model, as the {@code surel-fragments :: messages} fragment reads them. */
    void put(Map<String, Object> model, Participant person);
}
