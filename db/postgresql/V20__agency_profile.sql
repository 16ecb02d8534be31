-- The agency profile (issue 13, point 1): who vouches for what is issued, kept by administrators.
-- One row (id 1); without it the piagam.agency.* settings are used. The logo is stored as checked
-- (a PNG or JPEG with no alpha channel, safe for PDF/A).
CREATE TABLE agency_profile (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),
    full_name           TEXT    NOT NULL,
    short_name          TEXT,
    parent              TEXT,
    address             TEXT,
    phone               TEXT,
    email               TEXT,
    website             TEXT,
    logo                BYTEA,
    logo_type           TEXT,
    default_signatory   INTEGER,
    updated_at          TIMESTAMPTZ NOT NULL
);

-- The people who sign, in the order the administrator lists them (seq 0, 1, ...); replaced as a whole.
CREATE TABLE agency_signatory (
    seq         INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    nip         TEXT,
    pangkat     TEXT,
    golongan    TEXT,
    position    TEXT    NOT NULL,
    office      TEXT
);
