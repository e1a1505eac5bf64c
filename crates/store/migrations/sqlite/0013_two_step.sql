-- Two-step sign-in (二段階認証, TOTP), recent re-authentication of a session for sensitive
-- actions. Times are unix seconds from the application's clock.

-- One TOTP secret per member, sealed by the application (never stored in clear).
-- `enabled_at` is NULL while the set-up waits for its first code; `last_step` is the last
-- 30-second step accepted, so one code is never accepted twice.
CREATE TABLE two_step (
    user_id BIGINT PRIMARY KEY REFERENCES users (id),
    secret_sealed TEXT NOT NULL,
    enabled_at BIGINT,
    last_step BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);

-- Single-use recovery codes, stored as SHA-256 hashes.
CREATE TABLE two_step_recovery_codes (
    user_id BIGINT NOT NULL REFERENCES users (id),
    code_hash TEXT NOT NULL,
    used_at BIGINT,
    PRIMARY KEY (user_id, code_hash)
);

-- A sign-in whose password was right and that waits for its code (the browser holds the
-- token in a cookie, an API client sends the code in the same request).
CREATE TABLE two_step_challenges (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    expires_at BIGINT NOT NULL
);
CREATE INDEX two_step_challenges_user ON two_step_challenges (user_id);

-- When a session last confirmed the password (and code): sensitive actions within minutes
-- of it proceed without asking again.
CREATE TABLE reauthentications (
    session_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    at BIGINT NOT NULL
);
