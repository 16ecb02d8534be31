-- TNI/Polri participants are identified by their NRP (Nomor Registrasi Pokok), optional and unique
-- when present. A partial unique index reads the same on SQLite and PostgreSQL.
ALTER TABLE participant ADD COLUMN nrp TEXT;
CREATE UNIQUE INDEX ux_participant_nrp ON participant (nrp) WHERE nrp IS NOT NULL;
