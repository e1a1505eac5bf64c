-- Orders (取引): the purchase of a service, its talk room, formal deliveries, cancellation
-- requests and reviews; points and coupons, the buyer-side discounts.

CREATE TABLE orders (
    id BIGINT PRIMARY KEY,
    buyer_id BIGINT NOT NULL REFERENCES users (id),
    seller_id BIGINT NOT NULL REFERENCES users (id),
    listing_id BIGINT NOT NULL REFERENCES listings (id),
    -- What was bought, as it was at the time: the service may change or disappear later.
    listing_title TEXT NOT NULL,
    delivery_days BIGINT NOT NULL,
    -- The order state machine's columns (yorozu_domain::orders::Order).
    state TEXT NOT NULL,
    send_backs_used BIGINT NOT NULL,
    has_been_delivered BOOLEAN NOT NULL,
    -- The amounts of the final confirmation screen (yorozu_domain::orders::OrderQuote).
    subtotal BIGINT NOT NULL,
    buyer_fee BIGINT NOT NULL,
    discount BIGINT NOT NULL,
    points_used BIGINT NOT NULL,
    coupon_id BIGINT,
    coupon_discount BIGINT NOT NULL,
    buyer_total BIGINT NOT NULL,
    platform_fee BIGINT NOT NULL,
    seller_share BIGINT NOT NULL,
    -- `card` (charged at purchase) or `deferred` (paid later, before payment_due_at).
    payment_method TEXT NOT NULL,
    card_id BIGINT,
    -- The payment provider's charge, once paid by card; refunds go against it.
    charge_id TEXT,
    -- The token of the confirmation screen the buyer submitted: re-sending the same purchase
    -- finds this order instead of making a second one.
    purchase_key TEXT NOT NULL,
    -- The buyer's first message to the seller (要望), sent with the purchase.
    request_text TEXT NOT NULL,
    payment_due_at BIGINT,
    paid_at BIGINT,
    delivered_at BIGINT,
    completed_at BIGINT,
    cancelled_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX orders_purchase_key ON orders (buyer_id, purchase_key);
CREATE INDEX orders_buyer ON orders (buyer_id, created_at);
CREATE INDEX orders_seller ON orders (seller_id, created_at);
CREATE INDEX orders_listing ON orders (listing_id);
CREATE INDEX orders_state ON orders (state, updated_at);

-- The options chosen, with their titles and prices at the time of purchase.
CREATE TABLE order_options (
    order_id BIGINT NOT NULL REFERENCES orders (id),
    position BIGINT NOT NULL,
    title TEXT NOT NULL,
    price BIGINT NOT NULL,
    PRIMARY KEY (order_id, position)
);

-- The talk room: messages of the buyer and the seller, formal deliveries (kind `delivery`)
-- and the platform's notes on what happened (kind `event`, author NULL, body a message id).
CREATE TABLE order_messages (
    id BIGINT PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES orders (id),
    author_id BIGINT REFERENCES users (id),
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX order_messages_order ON order_messages (order_id, id);

CREATE TABLE order_attachments (
    id BIGINT PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES orders (id),
    message_id BIGINT NOT NULL REFERENCES order_messages (id),
    file_key TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX order_attachments_message ON order_attachments (message_id);
CREATE INDEX order_attachments_order ON order_attachments (order_id);

-- Read marks: the newest message each party has seen.
CREATE TABLE order_reads (
    order_id BIGINT NOT NULL REFERENCES orders (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    last_read_message_id BIGINT NOT NULL,
    read_at BIGINT NOT NULL,
    PRIMARY KEY (order_id, user_id)
);

-- Formal deliveries (正式な納品) and what the buyer made of each.
CREATE TABLE order_deliveries (
    id BIGINT PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES orders (id),
    message_id BIGINT NOT NULL REFERENCES order_messages (id),
    -- `pending`, `approved`, `auto_approved`, `sent_back`.
    outcome TEXT NOT NULL,
    send_back_reason TEXT NOT NULL,
    delivered_at BIGINT NOT NULL,
    auto_approve_at BIGINT NOT NULL,
    decided_at BIGINT
);
CREATE INDEX order_deliveries_order ON order_deliveries (order_id, id);
-- At most one delivery waits for the buyer at a time.
CREATE UNIQUE INDEX order_deliveries_pending ON order_deliveries (order_id) WHERE outcome = 'pending';

CREATE TABLE order_cancellations (
    id BIGINT PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES orders (id),
    requested_by BIGINT NOT NULL REFERENCES users (id),
    reason TEXT NOT NULL,
    -- `open`, `agreed`, `objected`, `timed_out`, `withdrawn`.
    status TEXT NOT NULL,
    deadline_at BIGINT NOT NULL,
    answer TEXT NOT NULL,
    answered_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX order_cancellations_order ON order_cancellations (order_id, id);
CREATE UNIQUE INDEX order_cancellations_open ON order_cancellations (order_id) WHERE status = 'open';

-- Reviews (評価), one per order and side. `author_role` is the author's side: `buyer` rates
-- the seller (and the service), `seller` rates the buyer.
CREATE TABLE reviews (
    id BIGINT PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES orders (id),
    listing_id BIGINT NOT NULL REFERENCES listings (id),
    author_id BIGINT REFERENCES users (id),
    subject_id BIGINT NOT NULL REFERENCES users (id),
    author_role TEXT NOT NULL,
    rating BIGINT NOT NULL,
    comment TEXT NOT NULL,
    anonymous BOOLEAN NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX reviews_order_role ON reviews (order_id, author_role);
CREATE INDEX reviews_listing ON reviews (listing_id, author_role, created_at);
CREATE INDEX reviews_subject ON reviews (subject_id, author_role, created_at);
CREATE INDEX reviews_author ON reviews (author_id);

-- Points: a per-member ledger of grants, uses, restorations and expiries; the balance is the
-- sum. `expires_at` on a grant is informational; expiry follows the last acquisition.
CREATE TABLE point_entries (
    id BIGINT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    -- `grant`, `use`, `restore`, `expire`.
    kind TEXT NOT NULL,
    amount BIGINT NOT NULL,
    order_id BIGINT,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX point_entries_user ON point_entries (user_id, created_at);
-- A use or restoration is booked once per order.
CREATE UNIQUE INDEX point_entries_order ON point_entries (order_id, kind) WHERE order_id IS NOT NULL;

CREATE TABLE coupons (
    id BIGINT PRIMARY KEY,
    -- Upper-case ASCII, unique.
    code TEXT NOT NULL,
    title TEXT NOT NULL,
    discount BIGINT NOT NULL,
    min_order BIGINT NOT NULL,
    starts_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    created_by BIGINT REFERENCES users (id),
    created_at BIGINT NOT NULL,
    disabled_at BIGINT
);
CREATE UNIQUE INDEX coupons_code ON coupons (code);

-- A coupon used on an order; once per member. A cancelled order's row is deleted, which gives
-- the coupon back.
CREATE TABLE coupon_redemptions (
    coupon_id BIGINT NOT NULL REFERENCES coupons (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    order_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (coupon_id, user_id)
);
CREATE INDEX coupon_redemptions_order ON coupon_redemptions (order_id);

-- Purchase keys whose charge was refunded because the order could not be booked: such a key
-- may not be used again (the provider would replay the refunded charge as a success).
CREATE TABLE purchase_voids (
    buyer_id BIGINT NOT NULL REFERENCES users (id),
    purchase_key TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (buyer_id, purchase_key)
);
