package id.piagam.security;

import io.micronaut.security.authentication.Authentication;

import java.util.Optional;

/** The three roles: ADMIN and OPERATOR run the secretariat; PARTICIPANT sees only their own records. */
public final class Roles {
    public static final String ADMIN = "ADMIN";
    public static final String OPERATOR = "OPERATOR";
    public static final String PARTICIPANT = "PARTICIPANT";

    /** The token attribute that carries a participant account's own participant id. */
    public static final String PARTICIPANT_ID_ATTRIBUTE = "participantId";

    private Roles() {
    }

    /** The participant a participant account belongs to; empty for staff. */
    public static Optional<Long> ownParticipant(Authentication auth) {
        return auth.getAttributes().get(PARTICIPANT_ID_ATTRIBUTE) instanceof Number n ? Optional.of(n.longValue())
                : Optional.empty();
    }

    /** Staff read everyone's records; a participant only their own. */
    public static boolean mayRead(Authentication auth, long participantId) {
        return !auth.getRoles().contains(PARTICIPANT) || ownParticipant(auth).map(own -> own == participantId).orElse(false);
    }
}
