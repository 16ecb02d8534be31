package id.piagam.certificate;

import java.util.Map;

/**
 * A port: the event page's mail progress after issuing (sent, pending and failed certificate messages)
 * or the note that no email is sent. The mail package, which reads certificate, implements it.
 */
public interface MailProgress {

    /** Puts the event's mail progress into the page model ({@code mail}, {@code mailOff}). */
    void put(Map<String, Object> model, long eventId);
}
