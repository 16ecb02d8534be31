-- The per-minute limit counts what was sent in the last minute before each message (MailDrain): a range on
-- sent_at instead of a scan of every message ever sent.
CREATE INDEX ix_mail_outbox_sent ON mail_outbox (status, sent_at);
