-- The language an account reads in (issue #15: a person's email comes in the language they chose):
-- 'id' or 'en', set when the signed-in person switches the pages' language; none means Bahasa Indonesia.
ALTER TABLE app_user ADD COLUMN language TEXT;
