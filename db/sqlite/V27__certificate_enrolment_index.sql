-- "Does this enrolment have a valid certificate?" asks enrolment_id = ? AND status = ?; the partial unique
-- index (WHERE status = 'VALID') serves it only for the literal, not for a bound parameter (issue #16,
-- docs/postgresql.md; the PostgreSQL V27 also stores PDF bytes uncompressed).
CREATE INDEX ix_certificate_enrolment ON certificate (enrolment_id);
