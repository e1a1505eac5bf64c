-- The request board (公開依頼) is searched on the same engine as services: a request's row in
-- the search index's change log carries its id in `request_id` (and 0 in `listing_id`, as on
-- SQLite, which cannot make the column nullable). The board's SQL search text goes: the index
-- holds the text.
ALTER TABLE search_changes ADD COLUMN request_id BIGINT;

CREATE FUNCTION request_search_changes_append() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO search_changes (listing_id, request_id) VALUES (0, OLD.id);
    ELSE
        INSERT INTO search_changes (listing_id, request_id) VALUES (0, NEW.id);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER requests_search_insert AFTER INSERT ON requests
    FOR EACH ROW EXECUTE FUNCTION request_search_changes_append();

CREATE TRIGGER requests_search_update AFTER UPDATE OF
    state, category_id, parent_category_id, title, description, budget_min, budget_max,
    proposal_deadline
ON requests
    FOR EACH ROW EXECUTE FUNCTION request_search_changes_append();

CREATE TRIGGER requests_search_delete AFTER DELETE ON requests
    FOR EACH ROW EXECUTE FUNCTION request_search_changes_append();

ALTER TABLE requests DROP COLUMN search_text;

-- Requests posted before this migration reach the index by its rebuild (an index built by
-- older code has another schema and is rebuilt at start).
