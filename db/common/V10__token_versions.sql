-- Access ends when it should: each account carries a version that every bearer token and web
-- session is stamped with when issued. A change of role, a disable, a new password or a sign-out
-- raises it, so every token and session issued before no longer matches, on every instance.
ALTER TABLE app_user ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE web_session ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0;
