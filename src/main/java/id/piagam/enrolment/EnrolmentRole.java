package id.piagam.enrolment;

/** How a person takes part in an event. Only a peserta can earn a participant certificate. */
public enum EnrolmentRole {
    PESERTA, NARASUMBER, PANITIA
}
