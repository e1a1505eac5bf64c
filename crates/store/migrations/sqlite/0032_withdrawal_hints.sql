-- Improvement hints shown on the withdrawal page (退会ページの改善のヒント): one row per member
-- who was shown them, with the first time only, so that the withdrawal statistics can tell
-- whether members who saw hints stayed. A row lives until its outcome is known: when the
-- member is purged it is counted as "withdrew", when they are still active
-- `HINTS_STAY_DAYS` later as "stayed" (both into withdrawal_stats, without the id), and then
-- it is deleted.
CREATE TABLE withdrawal_hint_views (
    user_id BIGINT PRIMARY KEY REFERENCES users (id),
    seen_at BIGINT NOT NULL
);
CREATE INDEX withdrawal_hint_views_seen ON withdrawal_hint_views (seen_at);
