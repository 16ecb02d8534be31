package id.piagam.programme;

/**
 * A port: how many valid certificates an event has; while there are any, what they state cannot
 * change. Certificate sits above programme, so its repository implements this and programme never
 * imports certificate.
 */
public interface EventCertificates {

    long countValidByEventId(Long eventId);
}
