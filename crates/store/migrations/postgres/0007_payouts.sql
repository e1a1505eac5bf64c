-- Sales balance and payouts (売上金・振込申請): each completed order's sale, the seller's bank
-- account (number and holder encrypted by the application), payout requests and the
-- operators' transfer batches.

-- One row per completed order: the seller's share, until it is requested or expires.
CREATE TABLE sales (
    order_id BIGINT PRIMARY KEY REFERENCES orders (id),
    seller_id BIGINT NOT NULL REFERENCES users (id),
    amount BIGINT NOT NULL,
    credited_at BIGINT NOT NULL,
    -- Set when a payout request takes it.
    payout_request_id BIGINT,
    -- Set when it expired unrequested (失効); cleared again if an operator reinstates it.
    expired_at BIGINT,
    reinstated_at BIGINT
);
CREATE INDEX sales_seller ON sales (seller_id, credited_at);
CREATE INDEX sales_open ON sales (credited_at) WHERE payout_request_id IS NULL AND expired_at IS NULL;

CREATE TABLE bank_accounts (
    id BIGINT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    bank_code TEXT NOT NULL,
    branch_code TEXT NOT NULL,
    -- Zengin 預金種目: 1 普通, 2 当座, 4 貯蓄.
    account_type BIGINT NOT NULL,
    -- Encrypted (application key); the last digits are kept apart for display.
    account_number_sealed TEXT NOT NULL,
    account_number_last3 TEXT NOT NULL,
    holder_sealed TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    -- Set when a transfer failed because of the account's data: new payout requests wait
    -- until the member registers the account again.
    invalid_since BIGINT,
    invalid_reason TEXT,
    deleted_at BIGINT
);
CREATE UNIQUE INDEX bank_accounts_active ON bank_accounts (user_id) WHERE deleted_at IS NULL;

CREATE TABLE payout_batches (
    id BIGINT PRIMARY KEY,
    -- The transfer date, YYYY-MM-DD (Japan).
    transfer_date TEXT NOT NULL,
    -- `processing` (closed, file issued) or `transferred`.
    status TEXT NOT NULL,
    transfer_count BIGINT NOT NULL,
    total_net BIGINT NOT NULL,
    closed_by BIGINT REFERENCES users (id),
    closed_at BIGINT NOT NULL,
    transferred_at BIGINT
);
CREATE INDEX payout_batches_date ON payout_batches (transfer_date);

CREATE TABLE payout_requests (
    id BIGINT PRIMARY KEY,
    seller_id BIGINT NOT NULL REFERENCES users (id),
    gross BIGINT NOT NULL,
    fee BIGINT NOT NULL,
    net BIGINT NOT NULL,
    -- `requested` → `processing` → `transferred`, or `failed`.
    status TEXT NOT NULL,
    transfer_date TEXT NOT NULL,
    bank_account_id BIGINT NOT NULL REFERENCES bank_accounts (id),
    batch_id BIGINT REFERENCES payout_batches (id),
    failure_reason TEXT,
    requested_at BIGINT NOT NULL,
    transferred_at BIGINT,
    failed_at BIGINT
);
CREATE INDEX payout_requests_seller ON payout_requests (seller_id, requested_at);
CREATE INDEX payout_requests_date ON payout_requests (status, transfer_date);
-- At most one request in flight per seller.
CREATE UNIQUE INDEX payout_requests_in_flight ON payout_requests (seller_id) WHERE status IN ('requested', 'processing');
