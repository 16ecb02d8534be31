-- A bulk job's item keeps why it was skipped or failed as a message code with typed arguments (JSON),
-- written in the reader's language when read. Rows stored before keep their text in "reason".
ALTER TABLE certificate_job_item ADD COLUMN reason_code TEXT;
ALTER TABLE certificate_job_item ADD COLUMN reason_args TEXT;
