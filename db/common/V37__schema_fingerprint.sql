-- The fingerprint of the migration files last applied in full (persistence/SchemaMigrations): a start that finds
-- the same files skips Flyway; any other start runs it as before. One row.
CREATE TABLE schema_fingerprint (
    id INTEGER PRIMARY KEY,
    fingerprint VARCHAR(64) NOT NULL,
    recorded_at VARCHAR(40) NOT NULL
);
