package id.piagam.account;

public enum Role {
    ADMIN, OPERATOR, PARTICIPANT
}
