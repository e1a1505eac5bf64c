-- Blocks (ブロック): a member keeps another away. One row per direction; a pair is blocked
-- when either row exists, so every check reads both directions through the two indexes.
-- Both directions are erased when either member's data is purged.
CREATE TABLE member_blocks (
    blocker_id BIGINT NOT NULL REFERENCES users (id),
    blocked_id BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id)
);
CREATE INDEX member_blocks_blocked ON member_blocks (blocked_id, blocker_id);

-- The operators' extra NG words for the contact-details rule (直接取引の禁止). `word_key` is
-- the word as the detector matches it (search normalisation, spaces removed): one row per key.
CREATE TABLE contact_ng_words (
    id BIGINT PRIMARY KEY,
    word TEXT NOT NULL,
    word_key TEXT NOT NULL UNIQUE,
    created_by BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL
);
