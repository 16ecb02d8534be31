-- Each participant is handled once per bulk job, even when two instances run the same job (one
-- resumed it after a restart while the other still ran it): the second finds the row and moves on.
-- Migrations in db/common are the same SQL on every engine; db/sqlite and db/postgresql hold the
-- versions whose SQL differs.
CREATE UNIQUE INDEX ux_certificate_job_item_participant ON certificate_job_item (job_id, participant_id);
