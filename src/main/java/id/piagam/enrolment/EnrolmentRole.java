package id.piagam.enrolment;

/**
 * How a person takes part in an event. Only a peserta can earn a participant certificate (STTP or attendance);
 * a narasumber, a moderator and the panitia each get a document of their own role.
 */
public enum EnrolmentRole {
    PESERTA, NARASUMBER, MODERATOR, PANITIA
}
