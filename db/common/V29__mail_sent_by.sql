-- Which instance sent each email: with several instances draining one outbox, the row says who sent it
-- (the claim itself is cleared once the message is sent).
ALTER TABLE mail_outbox ADD COLUMN sent_by TEXT;
