-- On-site notifications (お知らせ): one row per event told to a member, linking to a subject
-- (an order, its talk room or dispute, a payout, …) by kind and id. Newest first per member
-- through the index; erased with the member's data at purge.
CREATE TABLE notifications (
    id BIGINT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,
    subject_kind TEXT NOT NULL,
    subject_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    read_at BIGINT
);
CREATE INDEX notifications_member ON notifications (user_id, id);

-- The bell's count, kept per member in the same transaction as each notification raised or
-- marked read, so that the one session query of every page reads it with a join. Not a column
-- of `users`: a purchase holds a shared lock on the seller's row, and two purchases raising
-- for the same seller would each wait for the other's lock to update it.
CREATE TABLE notification_counts (
    user_id BIGINT PRIMARY KEY REFERENCES users (id),
    unread BIGINT NOT NULL
);

-- The daily digest of talk-room messages: one row per member and Japan day it was sent for,
-- so that a digest goes out at most once a day, and the next covers what came after it.
CREATE TABLE message_digests (
    user_id BIGINT NOT NULL REFERENCES users (id),
    day BIGINT NOT NULL,
    sent_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, day)
);
