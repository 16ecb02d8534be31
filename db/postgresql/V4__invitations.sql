-- One-time invitations for participants to set their own password. Only the SHA-256 of the
-- token in the link is stored; a link works once and expires.
CREATE TABLE invitation (
    id              TEXT    PRIMARY KEY,
    participant_id  BIGINT NOT NULL REFERENCES participant (id),
    created_by      TEXT    NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    used_at         TIMESTAMPTZ
);
CREATE INDEX ix_invitation_participant ON invitation (participant_id);
CREATE UNIQUE INDEX ux_app_user_participant ON app_user (participant_id);
