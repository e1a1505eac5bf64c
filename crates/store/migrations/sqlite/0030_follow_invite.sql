-- Follows (フォロー): a member follows a seller; one row per pair, never oneself (checked by
-- the use case; the key makes a double click harmless).
CREATE TABLE follows (
    -- Its own id, so that the export can page through a member's follows without naming the
    -- other member's account.
    id BIGINT NOT NULL,
    follower_id BIGINT NOT NULL REFERENCES users (id),
    seller_id BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (follower_id, seller_id)
);
CREATE INDEX follows_seller ON follows (seller_id, created_at);
CREATE INDEX follows_follower ON follows (follower_id, created_at);

-- Invitations (友達招待): each member's invite code (random, made on first use); `rewards`
-- counts the inviter's rewards and is bumped before one is booked, so concurrent completions
-- of two invitees of one inviter take turns on this row when they check the monthly cap.
CREATE TABLE invite_codes (
    user_id BIGINT PRIMARY KEY REFERENCES users (id),
    code TEXT NOT NULL,
    rewards BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX invite_codes_code ON invite_codes (code);

-- Who invited a member (`invited_by`), recorded at sign-up. The inviter becomes NULL when
-- their account is purged; the invitee's row goes with the invitee's purge.
CREATE TABLE invitations (
    invitee_id BIGINT PRIMARY KEY REFERENCES users (id),
    id BIGINT NOT NULL,
    inviter_id BIGINT REFERENCES users (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX invitations_inviter ON invitations (inviter_id, created_at);

-- The reward for an invitee's first completed purchase: one row per invitee, ever (the key),
-- so concurrent completions book once. The points themselves are entries in `point_entries`
-- (kind `invite_reward`), kept like every points entry; this row keeps only the tombstone-safe
-- ids and amounts (`inviter_points` is 0 when the inviter's monthly cap was reached).
CREATE TABLE invite_rewards (
    invitee_id BIGINT PRIMARY KEY,
    id BIGINT NOT NULL,
    inviter_id BIGINT,
    order_id BIGINT NOT NULL,
    invitee_points BIGINT NOT NULL,
    inviter_points BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX invite_rewards_inviter ON invite_rewards (inviter_id, created_at);
