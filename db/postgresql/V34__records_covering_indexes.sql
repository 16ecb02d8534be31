-- A participant's records on PostgreSQL (issue #16 point 1, docs/load.md): a request reads all of the person's
-- enrolments (about ten, one per event, each on its own heap page) and the attendance of those enrolments (three
-- rows each, again one heap page per enrolment), so most of its buffer reads went to heap pages outside
-- shared_buffers. Covering indexes hold every column these two entity queries select, so PostgreSQL answers them
-- with an index-only scan: a person's enrolments sit side by side in one leaf page, each enrolment's attendance in
-- one leaf page, and the heap is not visited (pages vacuum has marked all-visible, i.e. all but the newest rows).
-- The price is the index size (about the tables' size again on the full load set) and a little more work per write.
CREATE INDEX ix_enrolment_participant_covering ON enrolment (participant_id)
    INCLUDE (id, event_id, role, status, printed_name, nip, nik, category, birth_place, birth_date, golongan, pangkat,
             jabatan, unit_kerja, instansi, created_at, updated_at, panitia_function);
-- the covering index serves every query the plain one served
DROP INDEX ix_enrolment_participant;
-- the UNIQUE (enrolment_id, session_id) constraint stays as it is; this one adds the row's other columns
CREATE INDEX ix_attendance_enrolment_covering ON attendance (enrolment_id) INCLUDE (session_id, id, status, recorded_at, recorded_by);
