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

    /** Whether the NIP (or NI PPPK) field applies at all. */
    public boolean hasNip() {
        return isCivilServant() || this == PPPK;
    }
}
