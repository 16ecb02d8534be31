-- Email waiting to be sent, written in the same transaction as what it announces (an invitation, an
-- issued, reissued or revoked certificate), so a crash never loses one and a rollback never sends one.
-- The rendered message is kept until it is sent (an invitation's link exists nowhere else), then purged.
CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id      TEXT    NOT NULL UNIQUE,
    kind            TEXT    NOT NULL,
    participant_id  INTEGER REFERENCES participant (id),
    event_id        INTEGER,
    certificate_id  INTEGER,
    recipient       TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    body_text       TEXT,
    body_html       TEXT,
    status          TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    claimed_by      TEXT,
    claimed_until   INTEGER,
    last_error      TEXT,
    bounced         INTEGER NOT NULL DEFAULT 0,
    invitation_id   TEXT,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER
);
CREATE INDEX ix_mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX ix_mail_outbox_participant ON mail_outbox (participant_id);
CREATE INDEX ix_mail_outbox_event ON mail_outbox (event_id);
