-- Number reservations (issue #16 point 3): a bulk job claims its next people by reserving their numbers, so
-- several runners (instances) of one job, or two jobs of one event, render disjoint people with their final
-- numbers ahead of the commit. A row with an enrolment is a live claim of that job (while it is RUNNING); a row
-- without one is a free number: the next number taken anywhere in the series fills it, so numbers stay gapless.
CREATE TABLE number_reservation (
    pattern       TEXT    NOT NULL,
    year          INTEGER NOT NULL,
    seq           INTEGER NOT NULL,
    enrolment_id  BIGINT,
    job_id        BIGINT,
    PRIMARY KEY (pattern, year, seq)
);
-- one live claim per person and series (free rows have no enrolment: NULLs are distinct on both engines)
CREATE UNIQUE INDEX ux_number_reservation_enrolment ON number_reservation (enrolment_id, pattern, year);
CREATE INDEX ix_number_reservation_job ON number_reservation (job_id);
