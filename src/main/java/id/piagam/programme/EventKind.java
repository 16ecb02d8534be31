package id.piagam.programme;

/** Bimtek: short technical guidance, attendance certificate. Diklat: structured training with assessment, STTP. */
public enum EventKind {
    BIMTEK, DIKLAT
}
