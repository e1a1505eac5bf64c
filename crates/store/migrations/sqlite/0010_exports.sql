-- Data export archives (データのダウンロード): built by a job in encrypted parts, downloadable
-- for seven days.
CREATE TABLE exports (
    id BIGINT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    status TEXT NOT NULL,
    progress BIGINT NOT NULL,
    parts BIGINT NOT NULL,
    size_bytes BIGINT NOT NULL,
    requested_at BIGINT NOT NULL,
    ready_at BIGINT,
    expires_at BIGINT,
    updated_at BIGINT NOT NULL
);
CREATE INDEX exports_user ON exports (user_id, requested_at);
CREATE INDEX exports_expiry ON exports (status, expires_at);
