-- Issuing on PostgreSQL (issue #16, docs/postgresql.md).
-- 1. "Does this enrolment have a valid certificate?" (every issue, reissue and revoke) asks
--    enrolment_id = ? AND status = ?. The partial unique index (WHERE status = 'VALID') serves it only
--    when the planner sees the literal; a prepared statement's generic plan, which PostgreSQL adopts
--    after five executions, cannot use it and read the whole certificate table instead.
CREATE INDEX ix_certificate_enrolment ON certificate (enrolment_id);
-- 2. A PDF is already compressed: storing its bytes out of line without pglz (EXTERNAL instead of the
--    default EXTENDED) saves the compression attempt on every issue and decompression on every download.
ALTER TABLE certificate_pdf ALTER COLUMN bytes SET STORAGE EXTERNAL;
