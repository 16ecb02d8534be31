-- Server-side sessions of the web pages. The cookie holds a random token; only its SHA-256 is
-- stored, so a copy of the database gives no usable session. Signing out ends the row.
CREATE TABLE web_session (
    id          TEXT    PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES app_user (id),
    csrf_token  TEXT    NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    ended_at    TIMESTAMPTZ
);
CREATE INDEX ix_web_session_user ON web_session (user_id);
