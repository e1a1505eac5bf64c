-- Reports (通報) and what operators do about them: the moderation queue, services held back
-- by an operator, member suspensions (利用停止) and the notices a member receives.

-- One report per reporter and target; an automatic entry (the contact-details detector) has
-- no reporter. A withdrawn reporter's reports stay with `reporter_id` cleared at the purge;
-- reports about a withdrawn member's content (`target_owner_id`) are deleted with it.
CREATE TABLE reports (
    id BIGINT PRIMARY KEY,
    reporter_id BIGINT REFERENCES users (id),
    -- `service`, `profile`, `message` or `review`, and that row's id.
    target_kind TEXT NOT NULL,
    target_id BIGINT NOT NULL,
    -- The member whose content it is: the seller, the profile's owner, the author.
    target_owner_id BIGINT REFERENCES users (id),
    reason TEXT NOT NULL,
    comment TEXT NOT NULL,
    -- `open` until an operator acts; then `closed` with the outcome the reporter sees.
    state TEXT NOT NULL,
    outcome TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    decided_at BIGINT
);
CREATE UNIQUE INDEX reports_one_per_reporter ON reports (reporter_id, target_kind, target_id);
CREATE INDEX reports_queue ON reports (state, target_kind, target_id);
CREATE INDEX reports_owner ON reports (target_owner_id);

-- A service kept out of sight by moderation: `hidden` by an operator (the seller may edit it
-- and ask for a review), or paused by its seller's `suspension` (published again when lifted).
CREATE TABLE listing_holds (
    listing_id BIGINT PRIMARY KEY REFERENCES listings (id),
    seller_id BIGINT NOT NULL REFERENCES users (id),
    cause TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    review_requested_at BIGINT
);
CREATE INDEX listing_holds_seller ON listing_holds (seller_id);

-- 利用停止: at most one in force per member; lifting it keeps the row for the history.
CREATE TABLE suspensions (
    id BIGINT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    reason TEXT NOT NULL,
    -- What became of the member's orders in progress: `continue` or `cancel`.
    orders TEXT NOT NULL,
    operator_id BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    lifted_at BIGINT
);
CREATE UNIQUE INDEX suspensions_in_force ON suspensions (user_id) WHERE lifted_at IS NULL;

-- What operators told a member about their content or account (warnings, removals, holds).
CREATE TABLE moderation_notices (
    id BIGINT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX moderation_notices_user ON moderation_notices (user_id, created_at);

-- A review an operator removed: kept for the order's record, out of lists and ratings.
ALTER TABLE reviews ADD COLUMN removed_at BIGINT;
