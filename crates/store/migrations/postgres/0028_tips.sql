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
-- per tip. `tip_id` is NULL on the order's own sale.
ALTER TABLE sales ADD COLUMN tip_id BIGINT REFERENCES order_tips (id);
ALTER TABLE sales DROP CONSTRAINT sales_pkey;
CREATE UNIQUE INDEX sales_order ON sales (order_id) WHERE tip_id IS NULL;
CREATE UNIQUE INDEX sales_tip ON sales (tip_id);
