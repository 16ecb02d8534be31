package id.piagam.rendering;

import java.util.List;
import java.util.Set;

/**
 * The placeholders a template may use, e.g. {@code {{participant.name}}}. A template naming anything
 * else is refused at load, so a typo never prints an empty line on a thousand certificates.
 */
public final class TemplateFields {

    public static final Set<String> ALL = Set.copyOf(List.of(
            "participant.name", "participant.nip", "participant.idLine", "participant.idLabel", "participant.idNumber", "participant.birth", "participant.pangkatGolongan",
            "participant.jabatan", "participant.unitKerja", "participant.instansi",
            "event.title", "event.fullTitle", "event.kindLabel", "event.organiser", "event.partner", "event.place", "event.dateRange",
            "event.startDate", "event.endDate", "event.jp", "event.jpWords", "event.angkatan", "event.year", "event.track",
            "event.code",
            "certificate.title", "certificate.number", "certificate.issuedOn", "certificate.issueLine",
            "certificate.verifyUrl", "certificate.expiresOn",
            "result.finalScore", "result.kualifikasi",
            "role.name", "role.function", "role.jp", "role.jpWords",
            "signatory.prefix", "signatory.office", "signatory.heading", "signatory.position", "signatory.name", "signatory.pangkat", "signatory.nipLine",
            "agency.name", "agency.shortName", "agency.parent", "agency.address", "agency.phone", "agency.email", "agency.website", "agency.addressLine"));

    /** The participant's pas foto as the enrolment froze it (none: the element prints nothing). */
    public static final String PARTICIPANT_PHOTO = "participant.photo";

    /** The pictures an image element may take from the certificate ({@code source:}) instead of a file. */
    public static final List<String> IMAGES = List.of("agency.logo", PARTICIPANT_PHOTO);

    private TemplateFields() {
    }
}
