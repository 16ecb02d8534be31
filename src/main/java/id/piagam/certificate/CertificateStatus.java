package id.piagam.certificate;

/** VALID until corrected (SUPERSEDED by its reissue) or withdrawn (REVOKED, with a reason). */
public enum CertificateStatus {
    VALID, REVOKED, SUPERSEDED
}
