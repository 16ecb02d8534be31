-- One-time invitations for participants to set their own password. Only the SHA-256 of the
-- token in the link is stored; a link works once and expires.
CREATE TABLE invitation (
    id              TEXT    PRIMARY KEY,
    participant_id  INTEGER NOT NULL REFERENCES participant (id),
    created_by      TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    used_at         INTEGER
);
CREATE INDEX ix_invitation_participant ON invitation (participant_id);
CREATE UNIQUE INDEX ux_app_user_participant ON app_user (participant_id);
