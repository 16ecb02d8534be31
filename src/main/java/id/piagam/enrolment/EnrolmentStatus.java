package id.piagam.enrolment;

/** Aktif (taking part), mundur (withdrew), gugur (dropped out or disqualified). */
public enum EnrolmentStatus {
    AKTIF, MUNDUR, GUGUR
}
