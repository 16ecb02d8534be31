-- Email waiting to be sent, written in the same transaction as what it announces (an invitation, an
-- issued, reissued or revoked certificate), so a crash never loses one and a rollback never sends one.
-- The rendered message is kept until it is sent (an invitation's link exists nowhere else), then purged.
CREATE TABLE mail_outbox (
    id              BIGSERIAL PRIMARY KEY,
    message_id      TEXT    NOT NULL UNIQUE,
    kind            TEXT    NOT NULL,
    participant_id  BIGINT REFERENCES participant (id),
    event_id        BIGINT,
    certificate_id  BIGINT,
    recipient       TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    body_text       TEXT,
    body_html       TEXT,
    status          TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    claimed_by      TEXT,
    claimed_until   TIMESTAMPTZ,
    last_error      TEXT,
    bounced         BOOLEAN NOT NULL DEFAULT FALSE,
    invitation_id   TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ
);
CREATE INDEX ix_mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX ix_mail_outbox_participant ON mail_outbox (participant_id);
CREATE INDEX ix_mail_outbox_event ON mail_outbox (event_id);
