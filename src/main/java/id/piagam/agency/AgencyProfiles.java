package id.piagam.agency;

import id.piagam.participant.Golongan;
import id.piagam.participant.Nip;
import id.piagam.participant.Phone;
import id.piagam.rules.DomainRefusal;
import id.piagam.validation.FieldProblem;
import id.piagam.validation.UploadedImage;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Saving the agency profile: the texts, the people who sign (at most one the default), the logo.
 * A logo must be a real PNG or JPEG of at most 1 MB and sensible dimensions; transparency is
 * flattened onto white, since PDF/A (the issued certificates) forbids it.
 */
@Singleton
class AgencyProfiles {

    static final UploadedImage.Limits LOGO = new UploadedImage.Limits(1024 * 1024, 32, 4000);
    private static final Pattern WEBSITE = Pattern.compile("(?i)(https?://)?[a-z0-9-]+(\\.[a-z0-9-]+)+(/\\S*)?");

    private final AgencyProfileRepository profiles;
    private final AgencySignatoryRepository signatories;
    private final Agency agency;
    private final Clock clock;

    AgencyProfiles(AgencyProfileRepository profiles, AgencySignatoryRepository signatories, Agency agency, Clock clock) {
        this.profiles = profiles;
        this.signatories = signatories;
        this.agency = agency;
        this.clock = clock;
    }

    /** The agency as everyone reads it (the saved profile, else the settings). */
    AgencyViews.AgencyView view() {
        String source = agency.saved() ? "PROFILE" : "SETTINGS";
        boolean hasLogo = agency.logo().isPresent();
        return new AgencyViews.AgencyView(source, agency.name(), agency.shortName(), agency.parent(), agency.address(),
                agency.phone(), agency.email(), agency.website(), agency.place(), hasLogo, hasLogo ? "/api/agency/logo" : null,
                agency.signatories().stream().map(s -> new AgencyViews.SignatoryView(s.name(), blank(s.nip()), blank(s.pangkat()),
                        blank(s.golongan()), s.position(), blank(s.office()), s.isDefault())).toList());
    }

    /** The logo shown on the page, as a data address; null when there is none. */
    String logoDataUri() {
        return agency.logo().map(Agency.Logo::dataUri).orElse(null);
    }

    /** Replaces the profile and its signatories; the logo stays. */
    @Transactional
    void save(AgencyViews.AgencyRequest r) {
        List<FieldProblem> problems = new ArrayList<>();
        String phone = trim(r.phone());
        if (phone != null) {
            phone = Phone.normalise(phone);
            if (!Phone.isValid(phone)) {
                problems.add(FieldProblem.of("phone", "agency.phone"));
            }
        }
        String website = trim(r.website());
        if (website != null && !WEBSITE.matcher(website).matches()) {
            problems.add(FieldProblem.of("website", "agency.website"));
        }
        List<AgencyViews.SignatoryRequest> people = r.signatories() == null ? List.of() : r.signatories();
        List<AgencySignatory> rows = new ArrayList<>();
        Integer defaultSeq = null;
        for (int i = 0; i < people.size(); i++) {
            AgencyViews.SignatoryRequest s = people.get(i);
            String field = "signatories[" + i + "].";
            String nip = trim(s.nip()) == null ? null : Nip.normalise(s.nip());
            if (nip != null && !nip.matches("\\d{18}")) {
                problems.add(FieldProblem.of(field + "nip", "nip.format"));
            }
            String golongan = trim(s.golongan()) == null ? null : Golongan.normalise(s.golongan());
            if (golongan != null && !Golongan.PNS.contains(golongan)) {
                problems.add(FieldProblem.of(field + "golongan", "signatory.golongan", s.golongan().trim()));
            }
            if (Boolean.TRUE.equals(s.isDefault())) {
                if (defaultSeq != null) {
                    problems.add(FieldProblem.of(field + "isDefault", "agency.oneDefault"));
                }
                defaultSeq = i;
            }
            rows.add(new AgencySignatory(i, s.name().trim(), nip, trim(s.pangkat()), golongan, s.position().trim(), trim(s.office())));
        }
        if (!problems.isEmpty()) {
            throw DomainRefusal.invalid(problems);
        }
        if (defaultSeq == null && rows.size() == 1) {
            defaultSeq = 0; // a single signatory is the default
        }
        Optional<AgencyProfile> old = profiles.findById(AgencyProfile.ID);
        AgencyProfile row = new AgencyProfile(AgencyProfile.ID, r.fullName().trim(), trim(r.shortName()), trim(r.parent()),
                trim(r.address()), phone, trim(r.email()), website, old.map(AgencyProfile::logo).orElse(null),
                old.map(AgencyProfile::logoType).orElse(null), defaultSeq, clock.instant());
        if (old.isPresent()) {
            profiles.update(row);
        } else {
            profiles.save(row);
        }
        signatories.deleteAll();
        signatories.saveAll(rows);
    }

    /** Stores a checked logo; the profile must be saved first. */
    @Transactional
    void saveLogo(byte[] bytes) {
        AgencyProfile old = profiles.findById(AgencyProfile.ID)
                .orElseThrow(() -> DomainRefusal.invalid(FieldProblem.of("logo", "agency.profileFirst")));
        UploadedImage.Checked logo;
        try {
            logo = UploadedImage.check(bytes, LOGO, "logo");
        } catch (UploadedImage.InvalidImage e) {
            throw DomainRefusal.invalid(e.problems());
        }
        profiles.update(new AgencyProfile(old.id(), old.fullName(), old.shortName(), old.parent(), old.address(), old.phone(),
                old.email(), old.website(), logo.bytes(), logo.mediaType(), old.defaultSignatory(), clock.instant()));
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

}
