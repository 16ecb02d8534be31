package id.piagam.exchange;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** An uploaded list waiting for the user to confirm its import (see the import page). */
@MappedEntity("import_upload")
record ImportUpload(@Id String token, Long eventId, String username, String fileName, byte[] content, Instant createdAt) {
}
