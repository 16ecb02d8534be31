package id.piagam.attendance;

/**
 * Presence at one session.
 *
 * <p>The rule: only {@link #HADIR} and {@link #TERLAMBAT} count as present. Excused ({@link #IZIN})
 * and sick ({@link #SAKIT}) are recorded for the report, but a certificate states that the holder
 * <em>followed</em> the training, so hours not attended do not count towards the threshold. A session
 * with no record counts as not attended.
 */
public enum AttendanceStatus {
    HADIR(true), TERLAMBAT(true), IZIN(false), SAKIT(false), ALPA(false);

    private final boolean present;

    AttendanceStatus(boolean present) {
        this.present = present;
    }

    public boolean countsAsPresent() {
        return present;
    }
}
