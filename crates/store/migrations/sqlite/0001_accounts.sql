-- Accounts, sessions, tokens, profiles, identity verification, mail, jobs, audit.
-- Times are unix seconds bound from the application's clock; ids come from the application.

CREATE TABLE users (
    id BIGINT PRIMARY KEY,
    -- NULL once the account is purged; the row stays as a tombstone.
    email TEXT,
    email_verified_at BIGINT,
    password_hash TEXT,
    status TEXT NOT NULL,
    role TEXT NOT NULL,
    locale TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX users_email ON users (email);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    user_agent TEXT NOT NULL,
    ip TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE email_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    purpose TEXT NOT NULL,
    new_email TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX email_tokens_user ON email_tokens (user_id);

CREATE TABLE sign_in_failures (
    id BIGINT PRIMARY KEY,
    email_hash TEXT NOT NULL,
    ip TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX sign_in_failures_email ON sign_in_failures (email_hash, at);
CREATE INDEX sign_in_failures_ip ON sign_in_failures (ip, at);

CREATE TABLE api_tokens (
    id BIGINT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT
);
CREATE UNIQUE INDEX api_tokens_hash ON api_tokens (token_hash);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE profiles (
    user_id BIGINT PRIMARY KEY REFERENCES users (id),
    display_name TEXT NOT NULL,
    introduction TEXT NOT NULL,
    skills TEXT NOT NULL,
    career TEXT NOT NULL,
    track_record TEXT NOT NULL,
    sns_links TEXT NOT NULL,
    nda TEXT NOT NULL,
    avatar_key TEXT,
    identity_verified_at BIGINT,
    updated_at BIGINT NOT NULL
);

CREATE TABLE notification_settings (
    user_id BIGINT NOT NULL REFERENCES users (id),
    category TEXT NOT NULL,
    enabled BOOLEAN NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, category)
);

-- Hashed addresses that must not receive marketing mail again (withdrawal, complaints).
CREATE TABLE mail_suppressions (
    email_hash TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE identity_documents (
    id BIGINT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,
    file_key TEXT,
    content_type TEXT NOT NULL,
    status TEXT NOT NULL,
    submitted_at BIGINT NOT NULL,
    decided_at BIGINT,
    decided_by BIGINT REFERENCES users (id),
    rejection_reason TEXT,
    file_erase_after BIGINT,
    file_erased_at BIGINT
);
CREATE INDEX identity_documents_user ON identity_documents (user_id);
CREATE INDEX identity_documents_status ON identity_documents (status, submitted_at);
CREATE INDEX identity_documents_erase ON identity_documents (file_erase_after);
-- At most one document under review per member, even with concurrent submissions.
CREATE UNIQUE INDEX identity_documents_one_pending ON identity_documents (user_id) WHERE status = 'pending';

CREATE TABLE audit_log (
    id BIGINT PRIMARY KEY,
    operator_id BIGINT NOT NULL REFERENCES users (id),
    action TEXT NOT NULL,
    target_user_id BIGINT,
    detail TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TABLE jobs (
    id BIGINT PRIMARY KEY,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    -- The member the job concerns, so that withdrawal can drop queued mail to them.
    user_id BIGINT,
    status TEXT NOT NULL,
    run_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL,
    max_attempts BIGINT NOT NULL,
    locked_until BIGINT,
    locked_by TEXT,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    finished_at BIGINT
);
CREATE INDEX jobs_due ON jobs (status, run_at);
CREATE INDEX jobs_user ON jobs (user_id, status);

-- Mail captured locally when no SMTP server is configured (the /mailbox page).
CREATE TABLE mailbox (
    id BIGINT PRIMARY KEY,
    user_id BIGINT,
    to_addr TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    headers TEXT NOT NULL,
    sent_at BIGINT NOT NULL
);
CREATE INDEX mailbox_sent ON mailbox (sent_at);
