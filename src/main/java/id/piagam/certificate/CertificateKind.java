package id.piagam.certificate;

/**
 * COMPETENCY: the STTP, stating a pass grade; only ever for a Diklat. ATTENDANCE: "telah mengikuti",
 * for a Bimtek, or the attendance letter a Diklat may grant to those who attended but did not pass.
 */
public enum CertificateKind {
    COMPETENCY, ATTENDANCE
}
