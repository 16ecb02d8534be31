package id.piagam.certificate;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A large piece of issued PDFs (a background image's data) stored once, named by its SHA-256. */
@MappedEntity("pdf_resource")
record PdfResource(@Id String sha256, byte[] bytes) {
}
