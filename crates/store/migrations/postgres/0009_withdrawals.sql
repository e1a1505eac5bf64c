-- Withdrawal (退会) as a durable process: one row per confirmation, worked by jobs
-- (scheduled → closed → purged; or cancelled, or undone by signing in during the grace period).
CREATE TABLE withdrawals (
    id BIGINT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    state TEXT NOT NULL,
    erase_now BOOLEAN NOT NULL,
    -- What the member saw and acknowledged would be forfeited.
    acknowledged_sales BIGINT NOT NULL,
    acknowledged_points BIGINT NOT NULL,
    -- What was forfeited when the account closed (booked in the ledger and the points).
    forfeited_sales BIGINT NOT NULL,
    forfeited_points BIGINT NOT NULL,
    -- The reasons, only until the account closes: then they move, without the member's id,
    -- to withdrawal_reasons and these are blanked.
    reason_choices TEXT NOT NULL,
    reason_comment TEXT NOT NULL,
    requested_at BIGINT NOT NULL,
    closed_at BIGINT,
    purge_at BIGINT,
    -- The purge step under way; NULL until the purge starts (after that, no undo).
    purge_step TEXT,
    purged_at BIGINT,
    -- Why a schedule was cancelled ('member', 'amounts_changed').
    ended_reason TEXT,
    ended_at BIGINT,
    updated_at BIGINT NOT NULL
);
-- At most one withdrawal under way per member, even with concurrent confirmations.
CREATE UNIQUE INDEX withdrawals_open ON withdrawals (user_id) WHERE state IN ('scheduled', 'closed');
CREATE INDEX withdrawals_state ON withdrawals (state, purge_at);

-- Reasons for statistics, deliberately without the member's id or the exact time.
CREATE TABLE withdrawal_reasons (
    id BIGINT PRIMARY KEY,
    month TEXT NOT NULL,
    choices TEXT NOT NULL,
    comment TEXT NOT NULL
);
CREATE INDEX withdrawal_reasons_month ON withdrawal_reasons (month);

-- Monthly counts for operators (withdrawals closed, undone, purged, blockers met), no ids.
CREATE TABLE withdrawal_stats (
    month TEXT NOT NULL,
    event TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (month, event)
);

-- Sales forfeited by a withdrawal: no longer claimable, and given back if it is undone.
ALTER TABLE sales ADD COLUMN withdrawal_id BIGINT;

-- The purge finds a member's rows by these.
CREATE INDEX bank_accounts_user ON bank_accounts (user_id);
CREATE INDEX mailbox_user ON mailbox (user_id);
CREATE INDEX mailbox_to ON mailbox (to_addr);
