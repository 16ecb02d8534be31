-- The participant's pas foto (issue 13, point 3). Content-addressed per person: the same picture of one
-- person is stored once (UNIQUE participant_id, sha256). The person's current photo is the row not retired
-- (at most one); a replaced or removed photo is retired and kept only while an enrolment froze it, like the
-- printed name: an enrolment points at the photo it froze (enrolment_photo), so a later change never
-- alters what its certificates print.
CREATE TABLE participant_photo (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    participant_id  INTEGER NOT NULL REFERENCES participant (id),
    sha256          TEXT    NOT NULL,
    media_type      TEXT    NOT NULL,
    width           INTEGER NOT NULL,
    height          INTEGER NOT NULL,
    bytes           BLOB    NOT NULL,
    created_at      INTEGER NOT NULL,
    retired_at      INTEGER,
    UNIQUE (participant_id, sha256)
);
CREATE UNIQUE INDEX ux_participant_photo_current ON participant_photo (participant_id) WHERE retired_at IS NULL;

CREATE TABLE enrolment_photo (
    enrolment_id    INTEGER PRIMARY KEY REFERENCES enrolment (id),
    photo_id        INTEGER NOT NULL REFERENCES participant_photo (id)
);
CREATE INDEX ix_enrolment_photo_photo ON enrolment_photo (photo_id);
