-- The request board (公開依頼) is searched on the same engine as services: a request's row in
-- the search index's change log carries its id in `request_id` (and 0 in `listing_id`, which
-- SQLite cannot make nullable). The board's SQL search text goes: the index holds the text.
ALTER TABLE search_changes ADD COLUMN request_id BIGINT;

CREATE TRIGGER requests_search_insert AFTER INSERT ON requests
BEGIN
    INSERT INTO search_changes (listing_id, request_id) VALUES (0, NEW.id);
END;

CREATE TRIGGER requests_search_update AFTER UPDATE OF
    state, category_id, parent_category_id, title, description, budget_min, budget_max,
    proposal_deadline
ON requests
BEGIN
    INSERT INTO search_changes (listing_id, request_id) VALUES (0, NEW.id);
END;

CREATE TRIGGER requests_search_delete AFTER DELETE ON requests
BEGIN
    INSERT INTO search_changes (listing_id, request_id) VALUES (0, OLD.id);
END;

ALTER TABLE requests DROP COLUMN search_text;

-- Requests posted before this migration reach the index by its rebuild (an index built by
-- older code has another schema and is rebuilt at start).
