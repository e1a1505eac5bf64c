-- Issue 14: personal access tokens get a scope and an expiry; requests are counted per client
-- and per address to throttle guessing and mail floods.

-- 'read' (GET and HEAD only) or 'full'. Existing tokens keep the access they had.
ALTER TABLE api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'full';
-- Days a renewal extends the token by, chosen at creation.
ALTER TABLE api_tokens ADD COLUMN lifetime_days BIGINT NOT NULL DEFAULT 90;
-- Existing tokens expire 90 days after their last use (or creation).
ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT NOT NULL DEFAULT 0;
UPDATE api_tokens SET expires_at = COALESCE(last_used_at, created_at) + 7776000;

-- One counter per (bucket, subject): a client address or the hash of an e-mail address.
-- Incremented atomically before the request is served, so parallel requests cannot slip
-- past a limit; shared by every server process.
CREATE TABLE request_counters (
    bucket TEXT NOT NULL,
    subject TEXT NOT NULL,
    hits BIGINT NOT NULL,
    window_start BIGINT NOT NULL,
    last_at BIGINT NOT NULL,
    PRIMARY KEY (bucket, subject)
);
CREATE INDEX request_counters_last ON request_counters (last_at);
