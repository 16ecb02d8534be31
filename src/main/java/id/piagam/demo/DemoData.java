package id.piagam.demo;

import id.piagam.scoring.AssessmentService;
import id.piagam.attendance.AttendanceService;
import id.piagam.attendance.AttendanceStatus;
import id.piagam.attendance.AttendanceViews;
import id.piagam.certificate.CertificateService;
import id.piagam.certificate.EligibilityService;
import id.piagam.enrolment.EnrolmentRole;
import id.piagam.enrolment.EnrolmentService;
import id.piagam.participant.Category;
import id.piagam.participant.Participant;
import id.piagam.participant.ParticipantRequest;
import id.piagam.participant.ParticipantService;
import id.piagam.participant.Sex;
import id.piagam.programme.Event;
import id.piagam.programme.EventKind;
import id.piagam.programme.EventRepository;
import id.piagam.programme.EventRequest;
import id.piagam.programme.EventService;
import id.piagam.programme.EventSession;
import id.piagam.programme.EventSessionRepository;
import id.piagam.programme.FacilitatorRole;
import id.piagam.programme.Mode;
import id.piagam.programme.Track;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.core.annotation.Order;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeds one Bimtek and one Diklat with 30 participants, sessions, attendance and scores when
 * {@code PIAGAM_DEMO=true} and the database has no events yet. Everything goes through the same
 * services (and rules) as the API, so the demo shows real records: some participants fall short
 * of the attendance threshold or the pass mark, and their reasons show; the others get their certificates.
 */
@Singleton
@Requires(property = "piagam.demo", value = "true")
@Order(10)
class DemoData implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private static final String[][] PEOPLE = {
            {"Ahmad Fauzi", "L", "", "S.Kom."}, {"Siti Aminah", "P", "", "S.E., M.M."}, {"Budi Santoso", "L", "Dr.", "S.T., M.T."},
            {"Dewi Lestari", "P", "", "S.Pd."}, {"Muhammad Rizki", "L", "", "S.H."}, {"Sri Wahyuni", "P", "Hj.", "S.Sos., M.Si."},
            {"Agus Salim", "L", "Drs.", "M.Pd."}, {"Nur Aini", "P", "", "A.Md."}, {"Dedi Kurniawan", "L", "", "S.E."},
            {"Rina Marlina", "P", "", "S.Kep., Ns."}, {"Eko Prasetyo", "L", "Ir.", "M.Si."}, {"Fitri Handayani", "P", "", "S.H., M.H."},
            {"Hendra Wijaya", "L", "", "S.Kom., M.Kom."}, {"Ratna Sari", "P", "dr.", "M.Kes."}, {"Imam Syafi'i", "L", "", "S.Ag."},
            {"Yuliana Putri", "P", "", "S.Ak."}, {"Joko Susilo", "L", "", "S.AP."}, {"Endang Sulistyowati", "P", "", "S.E., M.Ak."},
            {"Rudi Hartono", "L", "", "S.T."}, {"Lilis Suryani", "P", "", "S.Pd., M.Pd."}, {"Slamet Riyadi", "L", "", "S.Sos."},
            {"Wulan Dari", "P", "", "S.Psi."}, {"Wahyu Hidayat", "L", "", "S.Kom."}, {"Indah Permatasari", "P", "", "S.I.Kom."},
            {"Yusuf Maulana", "L", "", "S.H.I."}, {"Maya Anggraini", "P", "", "S.Si."}, {"Bambang Suryadi", "L", "Drs.", "M.M."},
            {"Ani Rahmawati", "P", "", "S.E."}, {"Andi Firmansyah", "L", "", "S.T."}, {"Fatimah Azzahra", "P", "", "S.Pd."}};

    private static final String[] INSTANSI = {"Pemerintah Kabupaten Pamekasan", "Pemerintah Kabupaten Sumenep",
            "Pemerintah Kota Surabaya", "Pemerintah Provinsi Jawa Timur", "Pemerintah Kabupaten Bangkalan"};
    private static final String[] UNITS = {"Dinas Pendidikan", "Badan Kepegawaian dan Pengembangan SDM", "Dinas Kesehatan",
            "Badan Perencanaan Pembangunan Daerah", "Dinas Komunikasi dan Informatika", "Sekretariat Daerah", "Inspektorat Daerah"};
    /** A post (jabatan) and the grades (golongan) a PNS holding it has: Ahli Pertama III/a–III/b, Ahli Muda III/c–III/d, Ahli Madya IV/a–IV/c. */
    private record Post(String jabatan, boolean entry, String... golongan) {
    }

    private static final Post[] POSTS = {new Post("Analis Kebijakan Ahli Muda", false, "III/c", "III/d"),
            new Post("Pranata Komputer Ahli Pertama", true, "III/a", "III/b"), new Post("Kepala Seksi Perencanaan", false, "III/d", "IV/a"),
            new Post("Penyusun Program Anggaran dan Pelaporan", true, "III/a", "III/b"),
            new Post("Analis Sumber Daya Manusia Aparatur Ahli Muda", false, "III/c", "III/d"),
            new Post("Auditor Ahli Muda", false, "III/c", "III/d"), new Post("Perencana Ahli Pertama", true, "III/a", "III/b"),
            new Post("Pengelola Pengadaan Barang/Jasa Ahli Pertama", true, "III/a", "III/b"),
            new Post("Analis Kebijakan Ahli Madya", false, "IV/a", "IV/b", "IV/c")};
    /** The posts a CPNS or a PPPK (grade IX, the Ahli Pertama level) is appointed to. */
    private static final Post[] ENTRY_POSTS = Arrays.stream(POSTS).filter(Post::entry).toArray(Post[]::new);
    private static final String[] KOTA = {"Pamekasan", "Sumenep", "Surabaya", "Malang", "Bangkalan", "Sampang", "Jember"};

    private final ParticipantService participants;
    private final EventService events;
    private final EventRepository eventRepository;
    private final EventSessionRepository sessions;
    private final EnrolmentService enrolments;
    private final AttendanceService attendance;
    private final AssessmentService assessment;
    private final CertificateService certificates;
    private final EligibilityService eligibility;

    DemoData(ParticipantService participants, EventService events, EventRepository eventRepository,
             EventSessionRepository sessions, EnrolmentService enrolments, AttendanceService attendance,
             AssessmentService assessment, CertificateService certificates, EligibilityService eligibility) {
        this.participants = participants;
        this.events = events;
        this.eventRepository = eventRepository;
        this.sessions = sessions;
        this.enrolments = enrolments;
        this.attendance = attendance;
        this.assessment = assessment;
        this.certificates = certificates;
        this.eligibility = eligibility;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (eventRepository.count() > 0) {
            return;
        }
        seed();
        LOG.info("Demo data: 1 Bimtek, 1 Diklat and {} participants seeded", PEOPLE.length);
    }

    @Transactional
    void seed() {
        Random random = new Random(2026);
        List<Participant> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE.length; i++) {
            people.add(participants.create(person(i, random)));
        }
        Event bimtek = events.create(bimtek());
        Event diklat = events.create(diklat());
        // 15 in the Bimtek, 20 in the Diklat, 5 people in both; two speakers enrolled as narasumber
        for (int i = 0; i < 15; i++) {
            enrolments.enrol(bimtek.id(), people.get(i).id(), EnrolmentRole.PESERTA);
        }
        // the speaker of four of the sessions is enrolled as narasumber and named on them, so she earns her piagam
        long speaker = enrolments.enrol(bimtek.id(), people.get(29).id(), EnrolmentRole.NARASUMBER).id();
        List<Long> sessionIds = sessions.findByEventIdOrderByPosition(bimtek.id()).stream().map(EventSession::id).toList();
        bimtek = events.update(bimtek.id(), bimtek(sessionIds, speaker));
        for (int i = 10; i < 29; i++) {
            enrolments.enrol(diklat.id(), people.get(i).id(), EnrolmentRole.PESERTA);
        }
        enrolments.enrol(diklat.id(), people.get(0).id(), EnrolmentRole.PESERTA);
        recordAttendance(bimtek, people.subList(0, 15), random);
        List<Participant> diklatPeople = new ArrayList<>(people.subList(10, 29));
        diklatPeople.add(people.get(0));
        recordAttendance(diklat, diklatPeople, random);
        for (Participant p : diklatPeople) {
            Map<String, BigDecimal> scores = new LinkedHashMap<>();
            scores.put("Sikap dan Perilaku", score(random, 75, 95));
            scores.put("Aktualisasi", score(random, 62, 95));
            scores.put("Ujian Akhir", score(random, 58, 96));
            assessment.record(diklat.id(), p.id(), scores, "demo");
        }
        // issue what the rules allow, so the demo shows certificates too
        for (Event e : List.of(bimtek, diklat)) {
            eligibility.forEvent(e).stream().filter(o -> o.decision().eligible())
                    .forEach(o -> certificates.issue(e.id(), o.enrolment().participantId(), null, "demo"));
        }
    }

    private void recordAttendance(Event event, List<Participant> people, Random random) {
        sessions.findByEventIdOrderByPosition(event.id()).forEach(s -> {
            List<AttendanceViews.Entry> sheet = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                AttendanceStatus status;
                int roll = random.nextInt(100);
                if (i % 7 == 3 && roll < 45) {
                    status = roll < 20 ? AttendanceStatus.SAKIT : AttendanceStatus.ALPA;
                } else {
                    status = roll < 8 ? AttendanceStatus.TERLAMBAT : roll < 10 ? AttendanceStatus.IZIN : AttendanceStatus.HADIR;
                }
                sheet.add(new AttendanceViews.Entry(people.get(i).id(), status));
            }
            attendance.record(event.id(), s.id(), sheet, "demo");
        });
    }

    private static BigDecimal score(Random random, int min, int max) {
        return BigDecimal.valueOf(min * 100L + random.nextInt((max - min) * 100)).movePointLeft(2);
    }

    private static ParticipantRequest person(int i, Random random) {
        String[] p = PEOPLE[i];
        Sex sex = Sex.valueOf(p[1]);
        LocalDate born = LocalDate.of(1968 + random.nextInt(27), 1 + random.nextInt(12), 1 + random.nextInt(28));
        Category category = i == 27 || i == 28 ? Category.NON_ASN : i % 9 == 4 ? Category.PPPK : i == 25 ? Category.CPNS : Category.PNS;
        String nik = String.format("3528%02d%02d%02d%02d%04d", 1 + random.nextInt(13), born.getDayOfMonth() + (sex == Sex.P ? 40 : 0),
                born.getMonthValue(), born.getYear() % 100, 1 + i);
        String nip = null;
        String golongan = null;
        String jabatan = "Tenaga Pendukung";
        if (category != Category.NON_ASN) {
            Post post = category == Category.PNS ? POSTS[random.nextInt(POSTS.length)] : ENTRY_POSTS[random.nextInt(ENTRY_POSTS.length)];
            jabatan = post.jabatan();
            int appointed = Math.min(born.getYear() + 22 + random.nextInt(8), 2025);
            String sexDigit = sex == Sex.L ? "1" : "2";
            if (category == Category.PPPK) {
                nip = String.format("%04d%02d%02d%04d%02d%s%03d", born.getYear(), born.getMonthValue(), born.getDayOfMonth(),
                        Math.max(appointed, 2021), 21, sexDigit, 1 + i);
                golongan = "IX";
            } else {
                nip = String.format("%04d%02d%02d%04d%02d%s%03d", born.getYear(), born.getMonthValue(), born.getDayOfMonth(),
                        appointed, 1 + random.nextInt(12), sexDigit, 1 + i);
                golongan = category == Category.CPNS ? "III/a" : post.golongan()[random.nextInt(post.golongan().length)];
            }
        }
        String email = p[0].toLowerCase().replaceAll("[^a-z ]", "").replace(' ', '.') + "@contoh.go.id";
        return new ParticipantRequest(p[0], p[2], p[3], nip, nik, category, KOTA[random.nextInt(KOTA.length)], born, sex,
                golongan, jabatan,
                UNITS[random.nextInt(UNITS.length)], INSTANSI[i % INSTANSI.length], email,
                String.format("08123%07d", 4500000 + i * 37), null);
    }

    private static EventRequest bimtek() {
        return bimtek(null, null);
    }

    /**
     * The Bimtek; with its sessions' ids and the narasumber's enrolment, the sessions from the third on name her
     * ({@code facilitatorEnrolmentId}) as their speaker.
     */
    private static EventRequest bimtek(List<Long> sessionIds, Long speaker) {
        LocalDate d = LocalDate.of(2026, 2, 10);
        String[] topics = {"Kebijakan perencanaan dan penganggaran daerah", "Pengenalan aplikasi SIPD-RI",
                "Penyusunan RKA perangkat daerah di SIPD", "Praktik input sub kegiatan dan belanja",
                "Verifikasi dan validasi dokumen anggaran", "Studi kasus dan tanya jawab"};
        List<EventRequest.SessionRequest> list = new ArrayList<>();
        for (int i = 0; i < topics.length; i++) {
            boolean morning = i % 2 == 0;
            list.add(new EventRequest.SessionRequest(sessionIds == null ? null : sessionIds.get(i), d.plusDays(i / 2),
                    LocalTime.of(morning ? 8 : 13, 0), LocalTime.of(morning ? 11 : 16, 0), topics[i], BigDecimal.valueOf(4),
                    i < 2 ? "Dr. Hasan Basri, M.Si." : "Fatimah Azzahra, S.Pd.", FacilitatorRole.NARASUMBER, i < 2 ? null : speaker, null));
        }
        return new EventRequest(EventKind.BIMTEK, Track.KL10, "BT-SIPD-2026", "Bimbingan Teknis Penyusunan Dokumen Perencanaan dan Penganggaran melalui SIPD",
                "I", 2026, "BPSDM Provinsi Jawa Timur", "Kementerian Dalam Negeri", "Surabaya", Mode.LURING, d, d.plusDays(2), 45,
                new BigDecimal("80"), list, null, null, null, null, settings(d.plusDays(2)));
    }

    private static EventRequest diklat() {
        LocalDate d = LocalDate.of(2026, 3, 2);
        String[] topics = {"Kebijakan pengadaan barang/jasa pemerintah", "Etika pengadaan", "Perencanaan pengadaan",
                "Persiapan pengadaan melalui penyedia", "Pemilihan penyedia", "Pelaksanaan kontrak",
                "Pengadaan melalui swakelola", "Katalog elektronik", "Aktualisasi: studi kasus", "Ujian akhir dan evaluasi"};
        List<EventRequest.SessionRequest> list = new ArrayList<>();
        for (int i = 0; i < topics.length; i++) {
            boolean morning = i % 2 == 0;
            list.add(new EventRequest.SessionRequest(null, d.plusDays(i / 2), LocalTime.of(morning ? 8 : 13, 0),
                    LocalTime.of(morning ? 11 : 16, 0), topics[i], BigDecimal.valueOf(4),
                    i % 3 == 0 ? "Drs. Sugeng Raharjo, M.M." : "Ir. Lestari Ningsih, M.T.", FacilitatorRole.WIDYAISWARA));
        }
        return new EventRequest(EventKind.DIKLAT, Track.KL03, "PBJ-DSR-2026", "Pelatihan Dasar Pengadaan Barang/Jasa Pemerintah",
                "II", 2026, "BPSDM Provinsi Jawa Timur", null, "Surabaya", Mode.LURING, d, d.plusDays(4), 45,
                new BigDecimal("90"), list, new BigDecimal("70"),
                List.of(new EventRequest.ComponentRequest("Sikap dan Perilaku", new BigDecimal("20")),
                        new EventRequest.ComponentRequest("Aktualisasi", new BigDecimal("30")),
                        new EventRequest.ComponentRequest("Ujian Akhir", new BigDecimal("50"))),
                null, true, settings(d.plusDays(4)));
    }

    /** Certificates dated on the closing day, signed for the head of the agency. */
    private static EventRequest.CertificateSettings settings(LocalDate issueDate) {
        return new EventRequest.CertificateSettings(null, null, "Surabaya", issueDate, null, new EventRequest.Signatory("a.n.",
                "Sekretaris", "Dr. Ir. Hadi Prasetyo, M.Si.", "Pembina Utama Muda", "197105121996031002",
                "Kepala Badan Pengembangan Sumber Daya Manusia Provinsi Jawa Timur", "IV/c"));
    }
}
