package id.piagam.agency;

import id.piagam.rendering.TemplateCatalogue;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * The agency that vouches for what Piagam issues (a BPSDM, a balai diklat): its name, address and
 * logo, shown on the public verification page and at the head of a transcript, so a reader can tell
 * who stands behind the document, and the town its documents are dated in. Read from {@code piagam.agency.*} ({@code PIAGAM_AGENCY_NAME},
 * {@code _ADDRESS}, {@code _PLACE}, {@code _LOGO}); this is the one place that reads them (an agency profile kept in
 * the database will replace the settings). Without a logo file, the logo that ships in the templates
 * folder ({@code images/logo.png}) is used; a file that is not a PNG or JPEG is left out with an error
 * in the log rather than printed broken.
 */
@Singleton
public class Agency {

    private static final Logger LOG = LoggerFactory.getLogger(Agency.class);
    static final String SHIPPED_LOGO = "images/logo.png";
    /** Larger than any sensible logo; the page carries it inline. */
    static final int MAX_LOGO_BYTES = 512 * 1024;

    /** A logo's bytes and its media type ({@code image/png} or {@code image/jpeg}). */
    public record Logo(byte[] bytes, String mediaType) {

        /** The logo as a {@code data:} address, which the pages' Content-Security-Policy allows for images. */
        public String dataUri() {
            return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes);
        }
    }

    private final String name;
    private final String address;
    private final String place;
    private final Optional<Logo> logo;

    Agency(@Value("${piagam.agency.name:}") String name, @Value("${piagam.agency.address:}") String address,
           @Value("${piagam.agency.place:}") String place, @Value("${piagam.agency.logo:}") String logoFile, TemplateCatalogue templates) {
        this.name = name == null ? "" : name.strip();
        this.address = address == null ? "" : address.strip();
        this.place = place == null ? "" : place.strip();
        this.logo = logoFile == null || logoFile.isBlank() ? shipped(templates) : fromFile(logoFile.strip());
    }

    /** The agency's name; empty when none is configured. */
    public String name() {
        return name;
    }

    /** Its address (may hold line breaks); empty when none is configured. */
    public String address() {
        return address;
    }

    /** The town a document is dated in ("Surabaya, 30 November 2026"); empty when none is configured. */
    public String place() {
        return place;
    }

    public Optional<Logo> logo() {
        return logo;
    }

    private static Optional<Logo> shipped(TemplateCatalogue templates) {
        try {
            return of(templates.sharedFile(SHIPPED_LOGO), "the templates' " + SHIPPED_LOGO);
        } catch (RuntimeException none) {
            return Optional.empty(); // no templates folder, or no logo in it: no logo
        }
    }

    private static Optional<Logo> fromFile(String file) {
        try {
            return of(Files.readAllBytes(Path.of(file)), file);
        } catch (IOException | InvalidPathException e) {
            LOG.error("The agency logo {} cannot be read ({}): documents and pages show none", file, e.toString());
            return Optional.empty();
        }
    }

    static Optional<Logo> of(byte[] bytes, String source) {
        String type = mediaType(bytes);
        if (type == null) {
            LOG.error("The agency logo {} is not a PNG or JPEG file: documents and pages show none", source);
            return Optional.empty();
        }
        if (bytes.length > MAX_LOGO_BYTES) {
            LOG.error("The agency logo {} is larger than {} KB: documents and pages show none", source, MAX_LOGO_BYTES / 1024);
            return Optional.empty();
        }
        return Optional.of(new Logo(bytes, type));
    }

    /** PNG or JPEG by their signatures; anything else is null. */
    static String mediaType(byte[] b) {
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        return null;
    }
}
