package id.piagam.participant;

import io.micronaut.serde.annotation.Serdeable;

/** A stored pas foto as the API describes it (the picture itself is at {@code url}). */
@Serdeable
public record PhotoView(String url, String mediaType, int width, int height, String sha256) {

    static PhotoView of(long participantId, ParticipantPhoto p) {
        return new PhotoView("/api/participants/" + participantId + "/photo", p.mediaType(), p.width(), p.height(), p.sha256());
    }
}
