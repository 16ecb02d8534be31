-- An import row whose phone belongs to a known person with another identity is a conflict: the
-- phone is looked up once per row, so it is indexed (not unique: an office phone may be shared).
CREATE INDEX ix_participant_phone ON participant (phone);
