package id.piagam.participant;

/** L (laki-laki) or P (perempuan), as written on Indonesian forms. */
public enum Sex {
    L, P
}
