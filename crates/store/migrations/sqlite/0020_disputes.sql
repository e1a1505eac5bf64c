-- Disputes (トラブル相談): a party of an order in progress or delivered asks an operator to
-- step in. The order waits in `disputed` until the operator decides or the dispute is
-- withdrawn; `interrupted_state` is where withdrawing returns to.
CREATE TABLE order_disputes (
    id BIGINT PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES orders (id),
    opened_by BIGINT NOT NULL REFERENCES users (id),
    -- `buyer` or `seller`.
    opened_side TEXT NOT NULL,
    -- `not_delivered`, `quality`, `no_contact`, `other`.
    reason TEXT NOT NULL,
    statement TEXT NOT NULL,
    -- `in_progress` or `delivered`.
    interrupted_state TEXT NOT NULL,
    -- `open`, `withdrawn`, `decided`.
    status TEXT NOT NULL,
    opened_at BIGINT NOT NULL,
    -- `release`, `full_refund`, `partial_refund`; with the operator, the reason both parties
    -- see, what the buyer got back and what the seller was credited.
    decision TEXT,
    decided_by BIGINT REFERENCES users (id),
    decided_at BIGINT,
    decision_reason TEXT NOT NULL,
    refund_amount BIGINT,
    seller_share BIGINT,
    withdrawn_by BIGINT REFERENCES users (id),
    withdrawn_at BIGINT
);
CREATE INDEX order_disputes_order ON order_disputes (order_id, id);
-- At most one open dispute per order; the queue reads the open ones oldest first.
CREATE UNIQUE INDEX order_disputes_open ON order_disputes (order_id) WHERE status = 'open';
CREATE INDEX order_disputes_queue ON order_disputes (opened_at, id) WHERE status = 'open';

-- What each side says until the decision (the opening statement is the dispute's own).
CREATE TABLE order_dispute_statements (
    id BIGINT PRIMARY KEY,
    dispute_id BIGINT NOT NULL REFERENCES order_disputes (id),
    author_id BIGINT REFERENCES users (id),
    -- `buyer` or `seller`.
    side TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX order_dispute_statements_dispute ON order_dispute_statements (dispute_id, id);

-- Evidence for disputes: the SHA-256 of each talk-room file, computed at upload (hex; empty
-- for files uploaded before it was kept).
ALTER TABLE order_attachments ADD COLUMN sha256 TEXT NOT NULL DEFAULT '';
