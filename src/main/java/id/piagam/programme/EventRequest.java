package id.piagam.programme;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A programme as the secretariat sets it up, with its sessions and, for a Diklat, its assessment.
 * Used for create and whole update; on update a session with an {@code id} keeps its attendance.
 */
@Serdeable
public record EventRequest(
        @NotNull EventKind kind,
        @Nullable Track track,
        @Nullable @Size(max = 40) @Pattern(regexp = "(?!.*\\.\\.)[A-Za-z0-9][A-Za-z0-9._/-]*") String code,
        @NotBlank @Size(max = 300) String title,
        @Nullable @Size(max = 40) String angkatan,
        @Nullable @Min(2000) @Max(2100) Integer year,
        @NotBlank @Size(max = 200) String organiser,
        @Nullable @Size(max = 200) String partner,
        @NotBlank @Size(max = 200) String place,
        @Nullable Mode mode,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @Nullable @Min(1) @Max(240) Integer minutesPerJp,
        @NotNull @DecimalMin("0.01") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal minAttendancePercent,
        @Nullable @Size(max = 500) List<@Valid @NotNull SessionRequest> sessions,
        @Nullable @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal passMark,
        @Nullable @Size(max = 50) List<@Valid @NotNull ComponentRequest> components,
        @Nullable Long gradeScaleId,
        @Nullable Boolean attendanceLetter,
        @Nullable @Valid CertificateSettings certificate) {

    /**
     * What the event's certificates print besides the records: numbering pattern (default from
     * configuration), template (default by kind), place and date of issue (default: the event's place,
     * the day of issuing), validity for schemes that expire, and the signatory block.
     */
    @Serdeable
    public record CertificateSettings(@Nullable @Size(max = 120) String numberPattern,
                                      @Nullable @Size(max = 60) @Pattern(regexp = "[a-z0-9-]+") String template,
                                      @Nullable @Size(max = 100) String issuePlace,
                                      @Nullable LocalDate issueDate,
                                      @Nullable @Min(1) @Max(240) Integer validityMonths,
                                      @Nullable @Valid Signatory signatory,
                                      @Nullable @Size(max = 150) String title,
                                      @Nullable @Size(max = 150) String attendanceTitle,
                                      @Nullable @Valid RoleNumberPatterns roleNumberPatterns,
                                      @Nullable @Valid RoleTitles roleTitles) {

        /** The settings before each role's title existed: role documents print the default title. */
        public CertificateSettings(String numberPattern, String template, String issuePlace, LocalDate issueDate,
                                   Integer validityMonths, Signatory signatory, String title, String attendanceTitle,
                                   RoleNumberPatterns roleNumberPatterns) {
            this(numberPattern, template, issuePlace, issueDate, validityMonths, signatory, title, attendanceTitle, roleNumberPatterns, null);
        }

        /** The settings before each role's series existed: role documents number in the default series of their kind. */
        public CertificateSettings(String numberPattern, String template, String issuePlace, LocalDate issueDate,
                                   Integer validityMonths, Signatory signatory, String title, String attendanceTitle) {
            this(numberPattern, template, issuePlace, issueDate, validityMonths, signatory, title, attendanceTitle, null);
        }

        /** The settings before document titles existed: titles default by kind. */
        public CertificateSettings(String numberPattern, String template, String issuePlace, LocalDate issueDate,
                                   Integer validityMonths, Signatory signatory) {
            this(numberPattern, template, issuePlace, issueDate, validityMonths, signatory, null, null);
        }
    }

    /**
     * The numbering pattern of each role's documents (narasumber, moderator, panitia), so each kind runs in a
     * series of its own; blank: the default series of the kind ({@code piagam.certificates.number-patterns}).
     */
    @Serdeable
    public record RoleNumberPatterns(@Nullable @Size(max = 120) String narasumber,
                                     @Nullable @Size(max = 120) String moderator,
                                     @Nullable @Size(max = 120) String panitia) {
    }

    /**
     * The document title of each role's certificate at this event ("PIAGAM PENGHARGAAN", "SERTIFIKAT NARASUMBER",
     * "SURAT KETERANGAN"…); blank: PIAGAM PENGHARGAAN. Set per event, beside the peserta's title, because the
     * secretariat words each event's documents (and one template serves every event).
     */
    @Serdeable
    public record RoleTitles(@Nullable @Size(max = 150) String narasumber,
                             @Nullable @Size(max = 150) String moderator,
                             @Nullable @Size(max = 150) String panitia) {
    }

    /**
     * The signature block: prefix ("a.n.", "Plt.", "Plh." or none), the delegating office of an
     * "a.n." ("Kepala Badan … Provinsi Jawa Timur"), the signer's own position ("Sekretaris"), name
     * with titles, pangkat and golongan, NIP. See {@link SignatoryBlock}.
     */
    @Serdeable
    public record Signatory(@Nullable @Size(max = 20) String prefix,
                            @Nullable @Size(max = 200) String position,
                            @Nullable @Size(max = 150) String name,
                            @Nullable @Size(max = 100) String pangkat,
                            @Nullable @Size(max = 30) String nip,
                            @Nullable @Size(max = 200) String office,
                            @Nullable @Size(max = 10) String golongan) {

        /** The signatory before the office and golongan fields existed. */
        public Signatory(String prefix, String position, String name, String pangkat, String nip) {
            this(prefix, position, name, pangkat, nip, null, null);
        }
    }

    @Serdeable
    public record SessionRequest(@Nullable Long id,
                                 @NotNull LocalDate date,
                                 @Nullable LocalTime startTime,
                                 @Nullable LocalTime endTime,
                                 @NotBlank @Size(max = 300) String topic,
                                 @NotNull @DecimalMin("1") @DecimalMax("24") @Digits(integer = 2, fraction = 0) BigDecimal jp,
                                 @Nullable @Size(max = 200) String facilitator,
                                 @Nullable FacilitatorRole facilitatorRole,
                                 @Nullable Long facilitatorEnrolmentId,
                                 @Nullable Long moderatorEnrolmentId) {

        /** A session whose narasumber and moderator are not enrolled people. */
        public SessionRequest(Long id, LocalDate date, LocalTime startTime, LocalTime endTime, String topic, BigDecimal jp,
                              String facilitator, FacilitatorRole facilitatorRole) {
            this(id, date, startTime, endTime, topic, jp, facilitator, facilitatorRole, null, null);
        }
    }

    @Serdeable
    public record ComponentRequest(@NotBlank @Size(max = 100) String name,
                                   @NotNull @DecimalMin("0.01") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal weight) {
    }

    public List<SessionRequest> sessionList() {
        return sessions == null ? List.of() : sessions;
    }

    public List<ComponentRequest> componentList() {
        return components == null ? List.of() : components;
    }
}
