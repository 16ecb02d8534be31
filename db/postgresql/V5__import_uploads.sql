-- A participant list uploaded on the import page, kept between the preview and the confirmation so
-- the user does not upload it twice. Bound to the event and the user who uploaded it; a row lives
-- until it is imported or for an hour at most.
CREATE TABLE import_upload (
    token       TEXT    PRIMARY KEY,
    event_id    BIGINT NOT NULL REFERENCES event (id),
    username    TEXT    NOT NULL,
    file_name   TEXT    NOT NULL,
    content     BYTEA    NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_import_upload_created ON import_upload (created_at);
