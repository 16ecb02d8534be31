package id.piagam.participant;

/** Employment category; decides which identity number and which golongan list apply. */
public enum Category {
    PNS, CPNS, PPPK, NON_ASN, TNI_POLRI;

    /** Civil servants (PNS and CPNS) share the NIP structure and the I/a–IV/e golongan list. */
    public boolean isCivilServant() {
        return this == PNS || this == CPNS;
    }

    /** Whether the NIP (or NI PPPK) field applies at all. */
    public boolean hasNip() {
        return isCivilServant() || this == PPPK;
    }
}
