package id.piagam.web;

import id.piagam.enrolment.EnrolmentRole;
import id.piagam.enrolment.EnrolmentStatus;
import id.piagam.rules.Reason;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A rule's reason is written through the bundles, its decimals and dates as each reader writes them. */
class ReasonTextTest {

    private final Messages messages = new Messages(new ResourceBundleMessageSource("i18n.messages", Messages.INDONESIAN), null);

    private static final Reason SHORT = Reason.of("eligibility.attendanceBelow", new Reason.Decimal2(new BigDecimal("75")),
            new BigDecimal("82.50"));
    private static final Reason FAILED = Reason.of("eligibility.scoreBelow", new Reason.Decimal2(new BigDecimal("68.5")),
            new BigDecimal("70.00"));

    @Test
    void indonesianReadersSeeTheSecretariatsWording() {
        assertThat(messages.text(Messages.INDONESIAN, SHORT)).isEqualTo("kehadiran 75,00% < 82,5%");
        assertThat(messages.text(Messages.INDONESIAN, List.of(SHORT, FAILED))).isEqualTo("kehadiran 75,00% < 82,5%; nilai akhir 68,50 < 70");
        assertThat(messages.text(Messages.INDONESIAN, Reason.of("eligibility.eventNotEnded", LocalDate.of(2026, 1, 27))))
                .isEqualTo("kegiatan belum berakhir (selesai 27 Januari 2026)");
        assertThat(messages.text(Messages.INDONESIAN, Reason.of("eligibility.notPeserta", EnrolmentRole.NARASUMBER)))
                .isEqualTo("bukan peserta (narasumber)");
        assertThat(messages.text(Messages.INDONESIAN, Reason.of("eligibility.notActive", EnrolmentStatus.MUNDUR)))
                .isEqualTo("status peserta mundur");
    }

    @Test
    void englishReadersGetEnglishWithADecimalPoint() {
        assertThat(messages.text(Locale.ENGLISH, List.of(SHORT, FAILED))).isEqualTo("attendance 75.00% < 82.5%; final score 68.50 < 70");
        assertThat(messages.text(Locale.ENGLISH, Reason.of("eligibility.eventNotEnded", LocalDate.of(2026, 1, 27))))
                .isEqualTo("the event has not ended (ends 27 January 2026)");
        assertThat(messages.text(Locale.ENGLISH, Reason.of("eligibility.notPeserta", EnrolmentRole.NARASUMBER)))
                .isEqualTo("not a participant (resource person)");
    }

    @Test
    void aRefusalCarryingReasonsWritesThemInTheSameLanguage() {
        assertThat(messages.get(Locale.ENGLISH, "problem.notEligible", List.of(List.of(FAILED))))
                .isEqualTo("The participant is not eligible: final score 68.50 < 70");
        assertThat(messages.get(Messages.INDONESIAN, "problem.notEligible", List.of(List.of())))
                .isEqualTo("Peserta tidak memenuhi syarat: -");
    }
}
