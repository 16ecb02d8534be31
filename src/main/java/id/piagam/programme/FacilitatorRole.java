package id.piagam.programme;

/** Who teaches a session: a practitioner (narasumber, typical of Bimtek) or a certified trainer (widyaiswara, Diklat). */
public enum FacilitatorRole {
    NARASUMBER, WIDYAISWARA
}
