package id.piagam.certificate;

/**
 * COMPETENCY: the STTP, stating a pass grade; only ever for a Diklat. ATTENDANCE: "telah mengikuti",
 * for a Bimtek, or the attendance letter a Diklat may grant to those who attended but did not pass.
 * NARASUMBER, MODERATOR, PANITIA: the documents of the other people at an event (a piagam penghargaan
 * naming the sessions taught or moderated, or the panitia function), each numbered in its own series.
 */
public enum CertificateKind {
    COMPETENCY, ATTENDANCE, NARASUMBER, MODERATOR, PANITIA;

    /** Whether this is a participant's document (STTP or attendance), the only kinds that credit JP. */
    public boolean forPeserta() {
        return this == COMPETENCY || this == ATTENDANCE;
    }
}
