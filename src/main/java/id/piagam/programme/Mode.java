package id.piagam.programme;

/** Luring (in person), daring (online) or hybrid. */
public enum Mode {
    LURING, DARING, HYBRID
}
