-- Registered payment cards. Only what the payment provider returns from tokenisation is kept:
-- its token, the brand, the last four digits and the expiry. The card number and the security
-- code never reach the database.

CREATE TABLE cards (
    id BIGINT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    provider_token TEXT NOT NULL,
    brand TEXT NOT NULL,
    last4 TEXT NOT NULL,
    exp_month BIGINT NOT NULL,
    exp_year BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    -- Set when the member removes the card; the provider's token is deleted at the same time.
    deleted_at BIGINT
);
CREATE INDEX cards_user ON cards (user_id);
