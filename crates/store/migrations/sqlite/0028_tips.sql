-- Tips (おひねり): within days of an order's completion its buyer sends the seller an extra
-- amount with a message, charged on its own idempotency key (`order-tip-<order>-<tip_key>`,
-- the key chosen by the confirmation screen or the API client), so a re-sent form books
-- once. Amounts are fixed with the order's fee function at sending; a tip is paid and
-- completed at once: its own ledger transactions (reference: the tip's id) and its own line
-- in `sales`.
CREATE TABLE order_tips (
    id BIGINT PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES orders (id),
    buyer_id BIGINT NOT NULL REFERENCES users (id),
    seller_id BIGINT NOT NULL REFERENCES users (id),
    tip_key TEXT NOT NULL,
    amount BIGINT NOT NULL,
    buyer_fee BIGINT NOT NULL,
    platform_fee BIGINT NOT NULL,
    message TEXT NOT NULL,
    card_id BIGINT,
    charge_id TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX order_tips_key ON order_tips (order_id, tip_key);
CREATE INDEX order_tips_buyer ON order_tips (buyer_id, id);
CREATE INDEX order_tips_seller ON order_tips (seller_id, id);

-- `sales` had one row per order (its primary key); an order now has its sale plus one line
-- per tip. `tip_id` is NULL on the order's own sale. SQLite cannot drop a primary key, so
-- the table is rebuilt with the same columns (withdrawal_id came with 0009) plus `tip_id`.
CREATE TABLE sales_with_tips (
    order_id BIGINT NOT NULL REFERENCES orders (id),
    seller_id BIGINT NOT NULL REFERENCES users (id),
    amount BIGINT NOT NULL,
    credited_at BIGINT NOT NULL,
    payout_request_id BIGINT,
    expired_at BIGINT,
    reinstated_at BIGINT,
    withdrawal_id BIGINT,
    tip_id BIGINT REFERENCES order_tips (id)
);
INSERT INTO sales_with_tips (order_id, seller_id, amount, credited_at, payout_request_id,
    expired_at, reinstated_at, withdrawal_id, tip_id)
SELECT order_id, seller_id, amount, credited_at, payout_request_id, expired_at, reinstated_at,
    withdrawal_id, NULL
FROM sales;
DROP TABLE sales;
ALTER TABLE sales_with_tips RENAME TO sales;
CREATE UNIQUE INDEX sales_order ON sales (order_id) WHERE tip_id IS NULL;
CREATE UNIQUE INDEX sales_tip ON sales (tip_id);
CREATE INDEX sales_seller ON sales (seller_id, credited_at);
CREATE INDEX sales_open ON sales (credited_at) WHERE payout_request_id IS NULL AND expired_at IS NULL;
