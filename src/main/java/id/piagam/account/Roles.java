package id.piagam.account;

/** The three roles: ADMIN and OPERATOR run the secretariat; PARTICIPANT sees only their own records. */
public final class Roles {
    public static final String ADMIN = "ADMIN";
    public static final String OPERATOR = "OPERATOR";
    public static final String PARTICIPANT = "PARTICIPANT";

    /** The token attribute that carries a participant account's own participant id. */
    public static final String PARTICIPANT_ID_ATTRIBUTE = "participantId";

    private Roles() {
    }
}
