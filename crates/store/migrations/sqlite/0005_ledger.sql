-- The double-entry ledger: money moves only as a transaction of entries summing to zero.
-- Entries are append-only; balances are sums of entries. Amounts are signed yen
-- (positive = debit, negative = credit).

CREATE TABLE ledger_transactions (
    id BIGINT PRIMARY KEY,
    -- What happened (payment_into_escrow, completion, refund, …).
    kind TEXT NOT NULL,
    -- The business object it happened to (an order id, …).
    reference TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
-- The same business event can never be booked twice.
CREATE UNIQUE INDEX ledger_transactions_event ON ledger_transactions (kind, reference);

CREATE TABLE ledger_entries (
    id BIGINT PRIMARY KEY,
    transaction_id BIGINT NOT NULL REFERENCES ledger_transactions (id),
    account TEXT NOT NULL,
    -- The member of a per-member account (a seller's balance); NULL otherwise.
    account_owner BIGINT,
    amount BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX ledger_entries_account ON ledger_entries (account, account_owner);
CREATE INDEX ledger_entries_transaction ON ledger_entries (transaction_id);
