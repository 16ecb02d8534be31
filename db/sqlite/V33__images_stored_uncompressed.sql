-- Nothing to do on SQLite (it never compresses values); the PostgreSQL V33 stores images without a pglz
-- attempt. Kept so both engines share one migration history.
SELECT 1;
