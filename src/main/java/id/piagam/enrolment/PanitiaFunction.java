package id.piagam.enrolment;

/**
 * What a member of the panitia (the organising committee) did at an event, as a panitia certificate
 * states it. {@link #printed()} is the Indonesian wording on the document (official documents are in
 * Bahasa Indonesia); pages label the constants through the bundles ({@code enum.PanitiaFunction.*}).
 */
public enum PanitiaFunction {
    PENANGGUNG_JAWAB("Penanggung Jawab"),
    PENGARAH("Pengarah"),
    KETUA("Ketua"),
    WAKIL_KETUA("Wakil Ketua"),
    SEKRETARIS("Sekretaris"),
    BENDAHARA("Bendahara"),
    KOORDINATOR("Koordinator"),
    ANGGOTA("Anggota");

    private final String printed;

    PanitiaFunction(String printed) {
        this.printed = printed;
    }

    public String printed() {
        return printed;
    }
}
