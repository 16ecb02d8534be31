-- The SHA-256 fingerprint of the certificate whose key signed an issued PDF (null: issued unsigned).
-- Kept per certificate so that documents signed before a key rotation stay attributable and verifiable.
ALTER TABLE certificate ADD COLUMN signer_fingerprint VARCHAR(64);
