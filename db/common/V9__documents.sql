-- What the documents state (issue 9, points 14, 16, 17).
-- The signature block: the delegating office of an "a.n." line, and the signer's golongan printed
-- beside the pangkat.
ALTER TABLE event ADD COLUMN signatory_office TEXT;
ALTER TABLE event ADD COLUMN signatory_golongan TEXT;
-- The document titles (blank: the product's defaults by kind).
ALTER TABLE event ADD COLUMN certificate_title TEXT;
ALTER TABLE event ADD COLUMN attendance_title TEXT;
-- Corrections of an enrolment's printed identity are audited per enrolment.
ALTER TABLE audit_log ADD COLUMN enrolment_id BIGINT;
CREATE INDEX ix_audit_log_enrolment ON audit_log (enrolment_id);
