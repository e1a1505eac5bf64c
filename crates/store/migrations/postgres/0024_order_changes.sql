-- Changes during an order (取引中の変更).
--
-- Paid additions (追加オプション): the seller proposes extra work; the buyer pays it on its
-- own charge (idempotency key `order-addition-<id>`). Its amounts are fixed at the proposal
-- with the order's fee function; a paid addition shares the order's escrow, completion and
-- refund. `status`: `proposed`, `paid`, `declined`, `withdrawn`, `closed`.
CREATE TABLE order_additions (
    id BIGINT PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES orders (id),
    proposed_by BIGINT NOT NULL REFERENCES users (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    extra_days BIGINT NOT NULL,
    price BIGINT NOT NULL,
    buyer_fee BIGINT NOT NULL,
    platform_fee BIGINT NOT NULL,
    status TEXT NOT NULL,
    card_id BIGINT,
    charge_id TEXT,
    answer TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    answered_at BIGINT,
    paid_at BIGINT,
    -- Set when the order was cancelled after the addition was paid (the card refund is a job).
    refunded_at BIGINT
);
CREATE INDEX order_additions_order ON order_additions (order_id, id);
CREATE INDEX order_additions_proposed ON order_additions (proposed_by) WHERE status = 'proposed';

-- Requests to move the delivery date (納品予定日の延長) by `extra_days`, with a reason; the
-- other side accepts or declines. `status`: `open`, `accepted`, `declined`, `withdrawn`,
-- `closed`. At most one open request per order.
CREATE TABLE order_extensions (
    id BIGINT PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES orders (id),
    requested_by BIGINT NOT NULL REFERENCES users (id),
    reason TEXT NOT NULL,
    extra_days BIGINT NOT NULL,
    status TEXT NOT NULL,
    answer TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    answered_at BIGINT
);
CREATE INDEX order_extensions_order ON order_extensions (order_id, id);
CREATE UNIQUE INDEX order_extensions_open ON order_extensions (order_id) WHERE status = 'open';
