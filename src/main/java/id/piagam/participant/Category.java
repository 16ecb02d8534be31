package id.piagam.participant;

/** Employment category; decides which identity number and which golongan list apply. */
public enum Category {
    PNS, CPNS, PPPK, NON_ASN, TNI_POLRI;

    /** Civil servants (PNS and CPNS) share the NIP structure and the I/a–IV/e golongan list. */
    public boolean isCivilServant() {
        return this == PNS || this == CPNS;
    }

    /**
     * What a person's 18-digit number is called wherever it is shown: a PPPK's is a "NI PPPK" (BKN's term), a civil
     * servant's a "NIP". The one place the pages, mails and documents take the name from.
     */
    public static String nipLabel(Category category) {
        return category == PPPK ? "NI PPPK" : "NIP";
    }

    /** The number a secretary tells people apart by: "NIP 1990…" (a PPPK's "NI PPPK 1990…"), else "NIK 3578…", else "". */
    public static String numberLine(String nip, Category category, String nik) {
        return nip != null ? nipLabel(category) + " " + nip : nik != null ? "NIK " + nik : "";
    }

    /** Whether the NIP (or NI PPPK) field applies at all. */
    public boolean hasNip() {
        return isCivilServant() || this == PPPK;
    }
}
