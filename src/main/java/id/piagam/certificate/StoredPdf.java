package id.piagam.certificate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A certificate's PDF as stored: the bytes left after its shared resources were taken out, and the
 * manifest of where they go back in ({@link PdfSegments}); a null manifest is a row from before V26,
 * whose bytes are the whole PDF.
 */
@MappedEntity("certificate_pdf")
record StoredPdf(@Id Long certificateId, byte[] bytes, @Nullable String resources) {
}
