-- Certificates for every role at an event (issue 13, points 9-10).
-- A panitia enrolment's function (ketua, sekretaris, anggota...): a panitia certificate states it.
ALTER TABLE enrolment ADD COLUMN panitia_function TEXT;
-- A session's narasumber and moderator as enrolled people (the free-text facilitator stays for outsiders):
-- a narasumber certificate lists the sessions taught, a moderator certificate those moderated.
ALTER TABLE event_session ADD COLUMN facilitator_enrolment_id BIGINT REFERENCES enrolment (id);
ALTER TABLE event_session ADD COLUMN moderator_enrolment_id BIGINT REFERENCES enrolment (id);
-- Each role's documents may be numbered in a series of their own (blank: the default series of the kind).
ALTER TABLE event ADD COLUMN narasumber_number_pattern TEXT;
ALTER TABLE event ADD COLUMN moderator_number_pattern TEXT;
ALTER TABLE event ADD COLUMN panitia_number_pattern TEXT;
