package id.piagam.agency;

import id.piagam.programme.AgencyDefaults;
import id.piagam.programme.SignatoryBlock;
import id.piagam.rendering.RenderInput;
import id.piagam.rendering.TemplateCatalogue;
import id.piagam.validation.UploadedImage;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The agency that vouches for what Piagam issues (a BPSDM, a balai diklat): its name, parent
 * government, address, contacts, logo and the people who sign for it, shown on the public
 * verification page, at the head of a transcript and in the templates' letterhead, so a reader can
 * tell who stands behind the document, and the town its documents are dated in. This is the one
 * place that reads the agency: the profile administrators keep in the database
 * ({@code /admin/instansi}, {@code /api/agency}) when one is saved, else the settings
 * {@code piagam.agency.*} ({@code PIAGAM_AGENCY_NAME}, {@code _ADDRESS}, {@code _PLACE},
 * {@code _LOGO}). Without a logo, the one that ships in the templates folder
 * ({@code images/logo.png}) is used; a configured file that is not a PNG or JPEG is left out with an
 * error in the log rather than printed broken.
 */
@Singleton
public class Agency implements AgencyDefaults {

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

    /** One person who signs for the agency, as saved. */
    public record Signatory(String name, String nip, String pangkat, String golongan, String position, String office,
                            boolean isDefault) {
    }

    private final String name;
    private final String address;
    private final String place;
    private final Optional<Logo> logo;
    private final AgencyProfileRepository profiles;
    private final AgencySignatoryRepository signatories;

    Agency(@Value("${piagam.agency.name:}") String name, @Value("${piagam.agency.address:}") String address,
           @Value("${piagam.agency.place:}") String place, @Value("${piagam.agency.logo:}") String logoFile, TemplateCatalogue templates,
           AgencyProfileRepository profiles, AgencySignatoryRepository signatories) {
        this.name = name == null ? "" : name.strip();
        this.address = address == null ? "" : address.strip();
        this.place = place == null ? "" : place.strip();
        this.logo = logoFile == null || logoFile.isBlank() ? shipped(templates) : fromFile(logoFile.strip());
        this.profiles = profiles;
        this.signatories = signatories;
    }

    private Optional<AgencyProfile> profile() {
        return profiles.findById(AgencyProfile.ID);
    }

    /** Whether administrators saved a profile (else the settings are used). */
    public boolean saved() {
        return profile().isPresent();
    }

    /** The agency's name in full; empty when none is saved or configured. */
    public String name() {
        return name(profile());
    }

    /** Its short name ("BPSDM Jatim"); empty when none. */
    public String shortName() {
        return shortName(profile());
    }

    /** The government it belongs to ("Pemerintah Provinsi Jawa Timur"); empty when none. */
    public String parent() {
        return parent(profile());
    }

    /** Its address (may hold line breaks); empty when none is saved or configured. */
    public String address() {
        return address(profile());
    }

    public String phone() {
        return phone(profile());
    }

    public String email() {
        return email(profile());
    }

    public String website() {
        return website(profile());
    }

    /** The town a document is dated in ("Surabaya, 30 November 2026"); empty when none is configured. */
    public String place() {
        return place;
    }

    /** The saved logo, else the configured one, else the one shipped with the templates. */
    public Optional<Logo> logo() {
        return logo(profile());
    }

    // each reads from one copy of the profile, so a document built from many of them reads it once
    private String name(Optional<AgencyProfile> saved) {
        return saved.map(AgencyProfile::fullName).orElse(name);
    }

    private static String shortName(Optional<AgencyProfile> saved) {
        return saved.map(p -> text(p.shortName())).orElse("");
    }

    private static String parent(Optional<AgencyProfile> saved) {
        return saved.map(p -> text(p.parent())).orElse("");
    }

    private String address(Optional<AgencyProfile> saved) {
        return saved.map(p -> text(p.address())).orElse(address);
    }

    private static String phone(Optional<AgencyProfile> saved) {
        return saved.map(p -> text(p.phone())).orElse("");
    }

    private static String email(Optional<AgencyProfile> saved) {
        return saved.map(p -> text(p.email())).orElse("");
    }

    private static String website(Optional<AgencyProfile> saved) {
        return saved.map(p -> text(p.website())).orElse("");
    }

    private Optional<Logo> logo(Optional<AgencyProfile> saved) {
        if (saved.isPresent() && saved.get().logo() != null) {
            return Optional.of(new Logo(saved.get().logo(), saved.get().logoType()));
        }
        return logo;
    }

    /** The people who sign, in the saved order; none from the settings. */
    public List<Signatory> signatories() {
        Integer defaultSeq = profile().map(AgencyProfile::defaultSignatory).orElse(null);
        return signatories.findAllOrderBySeq().stream()
                .map(s -> new Signatory(s.name(), text(s.nip()), text(s.pangkat()), text(s.golongan()), s.position(), text(s.office()),
                        s.seq().equals(defaultSeq)))
                .toList();
    }

    /**
     * The certificate with the agency's letterhead: the {@code agency.*} placeholders and the logo
     * ({@code source: agency.logo}). They are part of the fields stored as the certificate's snapshot.
     */
    public RenderInput onto(RenderInput input) {
        return letterhead().onto(input);
    }

    /**
     * The letterhead as saved now, read once: a bulk issue prepares a batch of certificates with one read of the
     * profile (and its logo) instead of one per certificate; its transaction reads it again and compares.
     */
    public Letterhead letterhead() {
        Optional<AgencyProfile> saved = profile();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("agency.name", name(saved));
        f.put("agency.shortName", shortName(saved));
        f.put("agency.parent", parent(saved));
        f.put("agency.address", address(saved).lines().map(String::strip).collect(Collectors.joining(", ")));
        f.put("agency.phone", phone(saved));
        f.put("agency.email", email(saved));
        f.put("agency.website", website(saved));
        f.put("agency.addressLine", Stream.of(f.get("agency.address"), f.get("agency.phone").isEmpty() ? "" : "Telp. " + f.get("agency.phone"),
                        f.get("agency.email"), f.get("agency.website"))
                .filter(s -> !s.isEmpty()).collect(Collectors.joining(" \u00b7 ")));
        return new Letterhead(Collections.unmodifiableMap(f), logo(saved).map(l -> Map.of("agency.logo", l.bytes())).orElse(Map.of()));
    }

    /** The {@code agency.*} fields and the logo a certificate prints, as read at one moment. */
    public record Letterhead(Map<String, String> fields, Map<String, byte[]> images) {

        public RenderInput onto(RenderInput input) {
            return input.with(fields, images);
        }
    }

    @Override
    public String agencyName() {
        return name();
    }

    /** The agency's name as organiser, and its default signatory's block, when a profile is saved. */
    @Override
    public Optional<Map<String, String>> eventDefaults() {
        if (!saved()) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        values.put("organiser", name());
        signatories().stream().filter(Signatory::isDefault).findFirst().ifPresent(s -> {
            values.put("certificate.signatory.name", s.name());
            values.put("certificate.signatory.position", s.position());
            put(values, "certificate.signatory.nip", s.nip());
            put(values, "certificate.signatory.pangkat", s.pangkat());
            put(values, "certificate.signatory.golongan", s.golongan());
            if (!s.office().isEmpty()) {
                values.put("certificate.signatory.prefix", SignatoryBlock.AN);
                values.put("certificate.signatory.office", s.office());
            }
        });
        return Optional.of(values);
    }

    private static void put(Map<String, String> values, String key, String value) {
        if (!value.isEmpty()) {
            values.put(key, value);
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
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

    static String mediaType(byte[] b) {
        return UploadedImage.mediaType(b);
    }
}
