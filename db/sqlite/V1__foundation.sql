-- Piagam foundation schema: people, programmes, enrolments, attendance, assessment, accounts.
-- Portable SQL (SQLite default; PostgreSQL later). Conventions:
--   * dates are ISO-8601 TEXT (yyyy-MM-dd), instants are INTEGER epoch millis;
--   * decimal values (scores, weights, percentages) are TEXT holding a plain decimal string,
--     read back as BigDecimal with no binary floating point in between;
--   * enums are upper-case TEXT.

CREATE TABLE participant (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    full_name     TEXT    NOT NULL,
    front_title   TEXT,
    back_title    TEXT,
    nip           TEXT,
    nik           TEXT,
    category      TEXT    NOT NULL,
    birth_place   TEXT,
    birth_date    TEXT,
    sex           TEXT,
    golongan      TEXT,
    jabatan       TEXT,
    unit_kerja    TEXT,
    instansi      TEXT,
    email         TEXT,
    phone         TEXT,
    search_text   TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_participant_nip   ON participant (nip);
CREATE UNIQUE INDEX ux_participant_nik   ON participant (nik);
CREATE UNIQUE INDEX ux_participant_email ON participant (email);
CREATE INDEX ix_participant_name ON participant (full_name);

CREATE TABLE grade_scale (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    code        TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    UNIQUE (code, version)
);

-- A band is a lower bound only: a score belongs to the highest band whose lower bound it reaches.
CREATE TABLE grade_band (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    scale_id     INTEGER NOT NULL REFERENCES grade_scale (id),
    label        TEXT    NOT NULL,
    lower_bound  TEXT    NOT NULL,
    passing      INTEGER NOT NULL,
    position     INTEGER NOT NULL
);
CREATE INDEX ix_grade_band_scale ON grade_band (scale_id);

CREATE TABLE event (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    kind                   TEXT    NOT NULL,
    track                  TEXT    NOT NULL,
    code                   TEXT,
    title                  TEXT    NOT NULL,
    angkatan               TEXT,
    year                   INTEGER NOT NULL,
    organiser              TEXT    NOT NULL,
    partner                TEXT,
    place                  TEXT    NOT NULL,
    mode                   TEXT    NOT NULL,
    start_date             TEXT    NOT NULL,
    end_date               TEXT    NOT NULL,
    minutes_per_jp         INTEGER NOT NULL,
    min_attendance_percent TEXT    NOT NULL,
    pass_mark              TEXT,
    grade_scale_id         INTEGER REFERENCES grade_scale (id),
    attendance_letter      INTEGER NOT NULL DEFAULT 0,
    created_at             INTEGER NOT NULL,
    updated_at             INTEGER NOT NULL
);
CREATE INDEX ix_event_start ON event (start_date);

CREATE TABLE event_session (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id          INTEGER NOT NULL REFERENCES event (id),
    position          INTEGER NOT NULL,
    session_date      TEXT    NOT NULL,
    start_time        TEXT,
    end_time          TEXT,
    topic             TEXT    NOT NULL,
    jp                INTEGER NOT NULL,
    facilitator       TEXT,
    facilitator_role  TEXT
);
CREATE INDEX ix_event_session_event ON event_session (event_id);

CREATE TABLE assessment_component (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id  INTEGER NOT NULL REFERENCES event (id),
    position  INTEGER NOT NULL,
    name      TEXT    NOT NULL,
    weight    TEXT    NOT NULL,
    UNIQUE (event_id, name)
);

-- The enrolment freezes the identity as it will be printed on the certificate.
CREATE TABLE enrolment (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id        INTEGER NOT NULL REFERENCES event (id),
    participant_id  INTEGER NOT NULL REFERENCES participant (id),
    role            TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    printed_name    TEXT    NOT NULL,
    nip             TEXT,
    nik             TEXT,
    category        TEXT    NOT NULL,
    birth_place     TEXT,
    birth_date      TEXT,
    golongan        TEXT,
    pangkat         TEXT,
    jabatan         TEXT,
    unit_kerja      TEXT,
    instansi        TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    UNIQUE (event_id, participant_id)
);
CREATE INDEX ix_enrolment_participant ON enrolment (participant_id);

CREATE TABLE attendance (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    enrolment_id  INTEGER NOT NULL REFERENCES enrolment (id),
    session_id    INTEGER NOT NULL REFERENCES event_session (id),
    status        TEXT    NOT NULL,
    recorded_at   INTEGER NOT NULL,
    recorded_by   TEXT,
    UNIQUE (enrolment_id, session_id)
);
CREATE INDEX ix_attendance_session ON attendance (session_id);

CREATE TABLE score (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    enrolment_id  INTEGER NOT NULL REFERENCES enrolment (id),
    component_id  INTEGER NOT NULL REFERENCES assessment_component (id),
    value         TEXT    NOT NULL,
    recorded_at   INTEGER NOT NULL,
    recorded_by   TEXT,
    UNIQUE (enrolment_id, component_id)
);

CREATE TABLE app_user (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    username        TEXT    NOT NULL,
    password_hash   TEXT    NOT NULL,
    role            TEXT    NOT NULL,
    display_name    TEXT,
    participant_id  INTEGER REFERENCES participant (id),
    enabled         INTEGER NOT NULL DEFAULT 1,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_app_user_username ON app_user (username);

-- The common four-band scale (DOMAIN.md); pass mark 70.00 sits on the Cukup Memuaskan boundary.
INSERT INTO grade_scale (id, code, version, name, created_at)
VALUES (1, 'UMUM-4', 1, 'Skala umum empat kualifikasi', 0);
INSERT INTO grade_band (scale_id, label, lower_bound, passing, position) VALUES
    (1, 'Sangat Memuaskan', '90.01', 1, 1),
    (1, 'Memuaskan',        '80.01', 1, 2),
    (1, 'Cukup Memuaskan',  '70.00', 1, 3),
    (1, 'Kurang Memuaskan', '0.00',  0, 4);
