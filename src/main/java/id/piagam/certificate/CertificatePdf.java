package id.piagam.certificate;

/** The PDF bytes of a certificate exactly as issued; downloads return exactly these. */
public record CertificatePdf(Long certificateId, byte[] bytes) {
}
