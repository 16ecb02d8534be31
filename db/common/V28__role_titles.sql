-- The document title of each role's certificate, set per event like the peserta's title (issue 13):
-- blank prints the default (PIAGAM PENGHARGAAN).
ALTER TABLE event ADD COLUMN narasumber_title TEXT;
ALTER TABLE event ADD COLUMN moderator_title TEXT;
ALTER TABLE event ADD COLUMN panitia_title TEXT;
