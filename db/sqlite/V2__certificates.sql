-- Certificates: issued documents with their stored PDF, numbering counters, bulk jobs, audit.

-- What each event prints on its certificates.
ALTER TABLE event ADD COLUMN number_pattern TEXT;
ALTER TABLE event ADD COLUMN certificate_template TEXT;
ALTER TABLE event ADD COLUMN issue_place TEXT;
ALTER TABLE event ADD COLUMN certificate_date TEXT;
ALTER TABLE event ADD COLUMN validity_months INTEGER;
ALTER TABLE event ADD COLUMN signatory_prefix TEXT;
ALTER TABLE event ADD COLUMN signatory_position TEXT;
ALTER TABLE event ADD COLUMN signatory_name TEXT;
ALTER TABLE event ADD COLUMN signatory_pangkat TEXT;
ALTER TABLE event ADD COLUMN signatory_nip TEXT;

CREATE TABLE certificate (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    kind               TEXT    NOT NULL,
    number             TEXT    NOT NULL,
    status             TEXT    NOT NULL,
    event_id           INTEGER NOT NULL REFERENCES event (id),
    enrolment_id       INTEGER NOT NULL REFERENCES enrolment (id),
    participant_id     INTEGER NOT NULL REFERENCES participant (id),
    holder_name        TEXT    NOT NULL,
    issued_on          TEXT    NOT NULL,
    issued_at          INTEGER NOT NULL,
    issued_by          TEXT    NOT NULL,
    expires_on         TEXT,
    verification_code  TEXT    NOT NULL,
    sha256             TEXT    NOT NULL,
    pdf_size           INTEGER NOT NULL,
    snapshot           TEXT    NOT NULL,
    template_name      TEXT    NOT NULL,
    template_hash      TEXT    NOT NULL,
    supersedes_id      INTEGER REFERENCES certificate (id),
    superseded_by_id   INTEGER REFERENCES certificate (id),
    revoked_at         INTEGER,
    revoked_by         TEXT,
    revoke_reason      TEXT
);
CREATE UNIQUE INDEX ux_certificate_number ON certificate (number);
CREATE UNIQUE INDEX ux_certificate_code ON certificate (verification_code);
CREATE UNIQUE INDEX ux_certificate_sha256 ON certificate (sha256);
-- at most one valid certificate per enrolment: issuing twice can never produce two
CREATE UNIQUE INDEX ux_certificate_valid_enrolment ON certificate (enrolment_id) WHERE status = 'VALID';
CREATE INDEX ix_certificate_event ON certificate (event_id);
CREATE INDEX ix_certificate_participant ON certificate (participant_id);

-- The PDF bytes, kept apart so that listing certificates never reads them.
CREATE TABLE certificate_pdf (
    certificate_id  INTEGER PRIMARY KEY REFERENCES certificate (id),
    bytes           BLOB    NOT NULL
);

-- One counter per numbering pattern and year; taken in the issuing transaction, so no gaps.
CREATE TABLE number_sequence (
    pattern     TEXT    NOT NULL,
    year        INTEGER NOT NULL,
    last_value  INTEGER NOT NULL,
    PRIMARY KEY (pattern, year)
);

CREATE TABLE certificate_job (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id      INTEGER NOT NULL REFERENCES event (id),
    status        TEXT    NOT NULL,
    total         INTEGER NOT NULL,
    issued        INTEGER NOT NULL,
    skipped       INTEGER NOT NULL,
    failed        INTEGER NOT NULL,
    requested_by  TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    finished_at   INTEGER
);
CREATE INDEX ix_certificate_job_status ON certificate_job (status);

CREATE TABLE certificate_job_item (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id          INTEGER NOT NULL REFERENCES certificate_job (id),
    participant_id  INTEGER NOT NULL,
    outcome         TEXT    NOT NULL,
    reason          TEXT,
    certificate_id  INTEGER
);
CREATE INDEX ix_certificate_job_item_job ON certificate_job_item (job_id);

CREATE TABLE audit_log (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    at              INTEGER NOT NULL,
    actor           TEXT    NOT NULL,
    action          TEXT    NOT NULL,
    certificate_id  INTEGER,
    event_id        INTEGER,
    detail          TEXT
);
CREATE INDEX ix_audit_log_certificate ON audit_log (certificate_id);
