-- Quote consultations (見積り相談): a pre-order thread a member opens from a service page with
-- its seller. Messages go both ways; the seller sends custom offers in it.
CREATE TABLE consultations (
    id BIGINT PRIMARY KEY,
    listing_id BIGINT NOT NULL REFERENCES listings (id),
    buyer_id BIGINT NOT NULL REFERENCES users (id),
    seller_id BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX consultations_buyer ON consultations (buyer_id, updated_at);
CREATE INDEX consultations_seller ON consultations (seller_id, updated_at);

-- The messages of a consultation, oldest first by id.
CREATE TABLE consultation_messages (
    id BIGINT PRIMARY KEY,
    consultation_id BIGINT NOT NULL REFERENCES consultations (id),
    author_id BIGINT NOT NULL REFERENCES users (id),
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX consultation_messages_thread ON consultation_messages (consultation_id, id);
CREATE INDEX consultation_messages_author ON consultation_messages (author_id);

-- Files sent with a consultation message (encrypted in the file store under file_key).
CREATE TABLE consultation_attachments (
    id BIGINT PRIMARY KEY,
    consultation_id BIGINT NOT NULL REFERENCES consultations (id),
    message_id BIGINT NOT NULL REFERENCES consultation_messages (id),
    file_key TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX consultation_attachments_message ON consultation_attachments (message_id);

-- Custom offers (カスタム提案): one row per version. Revising inserts the next version and
-- marks the previous one superseded; only an open version before its expiry can be bought,
-- and buying marks it accepted with the order it made (a conditional UPDATE inside the
-- purchase's transaction, so expiry, revision and a second purchase cannot all win).
CREATE TABLE offers (
    id BIGINT PRIMARY KEY,
    consultation_id BIGINT NOT NULL REFERENCES consultations (id),
    version BIGINT NOT NULL,
    listing_id BIGINT NOT NULL REFERENCES listings (id),
    seller_id BIGINT NOT NULL REFERENCES users (id),
    buyer_id BIGINT NOT NULL REFERENCES users (id),
    title TEXT NOT NULL,
    included TEXT NOT NULL,
    price BIGINT NOT NULL,
    delivery_days BIGINT NOT NULL,
    -- The count, or -1 for unlimited (yorozu_domain::listings::Revisions::as_storage).
    revisions BIGINT NOT NULL,
    -- yorozu_domain::offers::OfferState
    state TEXT NOT NULL,
    decline_reason TEXT,
    expires_at BIGINT NOT NULL,
    order_id BIGINT REFERENCES orders (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (consultation_id, version)
);
CREATE UNIQUE INDEX offers_order ON offers (order_id);
CREATE INDEX offers_buyer ON offers (buyer_id, state);
CREATE INDEX offers_seller ON offers (seller_id, state);
CREATE INDEX offers_open_expiry ON offers (state, expires_at);

-- The paid options of one offer version.
CREATE TABLE offer_options (
    offer_id BIGINT NOT NULL REFERENCES offers (id),
    position BIGINT NOT NULL,
    title TEXT NOT NULL,
    price BIGINT NOT NULL,
    PRIMARY KEY (offer_id, position)
);
