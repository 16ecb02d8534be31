package id.piagam.certificate;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The stored PDF bytes of a certificate; downloads return exactly these. */
@MappedEntity("certificate_pdf")
public record CertificatePdf(@Id Long certificateId, byte[] bytes) {
}
