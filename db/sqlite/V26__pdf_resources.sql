-- Large resources of issued PDFs (a template's background image) kept once by their SHA-256; a stored
-- PDF is the rest of its bytes plus a manifest of where each resource goes back in
-- ("at:length:sha256;..."). A NULL manifest is a row written before V26: its bytes are the whole PDF
-- (converted at start-up, hashes unchanged).
CREATE TABLE pdf_resource (
    sha256  TEXT PRIMARY KEY,
    bytes   BLOB NOT NULL
);
ALTER TABLE certificate_pdf ADD COLUMN resources TEXT;
