-- Issue #16 (docs/postgresql.md): bytes that are already compressed are stored out of line without a pglz
-- attempt (EXTERNAL instead of the default EXTENDED), as V27 did for the issued PDFs: a template's shared
-- images (a JPEG background: 18 ms to try to compress 256 KB against 8.5 ms to store it, same minute), a
-- participant's pas foto and the agency's logo. pglz gains nothing on JPEG or PNG; reads are unchanged.
ALTER TABLE pdf_resource ALTER COLUMN bytes SET STORAGE EXTERNAL;
ALTER TABLE participant_photo ALTER COLUMN bytes SET STORAGE EXTERNAL;
ALTER TABLE agency_profile ALTER COLUMN logo SET STORAGE EXTERNAL;
