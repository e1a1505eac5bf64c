-- The request board (公開依頼): a buyer's request for sellers to propose on. A proposal is a
-- consultation tied to the request (consultations.request_id) whose offers are the proposal's
-- terms, so buying one goes through the offer's purchase.
CREATE TABLE requests (
    id BIGINT PRIMARY KEY,
    buyer_id BIGINT NOT NULL REFERENCES users (id),
    category_id BIGINT NOT NULL,
    parent_category_id BIGINT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    -- yorozu_domain::search::normalize(title + "\n" + description): the board's search
    -- matches exact substrings of it, as the service search does.
    search_text TEXT NOT NULL,
    budget_min BIGINT NOT NULL,
    budget_max BIGINT NOT NULL,
    -- YYYY-MM-DD, or none.
    desired_date TEXT,
    proposal_deadline BIGINT NOT NULL,
    max_proposals BIGINT NOT NULL,
    -- Proposals taken so far; a proposal takes a slot with a conditional UPDATE, so that two
    -- sellers racing for the last slot cannot both get it.
    proposal_count BIGINT NOT NULL,
    -- yorozu_domain::requests::RequestState
    state TEXT NOT NULL,
    -- The order that filled it.
    order_id BIGINT REFERENCES orders (id),
    closed_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK (proposal_count >= 0 AND proposal_count <= max_proposals)
);
CREATE INDEX requests_board ON requests (state, id);
CREATE INDEX requests_board_category ON requests (state, category_id, id);
CREATE INDEX requests_buyer ON requests (buyer_id, id);
CREATE INDEX requests_deadline ON requests (state, proposal_deadline);

-- Files attached to a request (encrypted in the file store under file_key).
CREATE TABLE request_attachments (
    id BIGINT PRIMARY KEY,
    request_id BIGINT NOT NULL REFERENCES requests (id),
    file_key TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX request_attachments_request ON request_attachments (request_id);

-- A proposal is a consultation with its request; one per seller per request.
ALTER TABLE consultations ADD COLUMN request_id BIGINT REFERENCES requests (id);
CREATE UNIQUE INDEX consultations_request_seller ON consultations (request_id, seller_id)
    WHERE request_id IS NOT NULL;
