-- The search index's change log. The index (tantivy files in each process's data folder) is
-- derived data: every process applies these rows in id order and remembers the last one it
-- applied. Triggers append a row in the same transaction as every write to a listing column the
-- index holds, so no code path (use case, bulk load, withdrawal purge, a test's direct UPDATE)
-- can change a listing without telling search. Ids come from a sequence, so a transaction that
-- commits late can leave an id below one already applied: readers look back at such gaps.
CREATE TABLE search_changes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    listing_id BIGINT NOT NULL
);

CREATE FUNCTION search_changes_append() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO search_changes (listing_id) VALUES (OLD.id);
    ELSE
        INSERT INTO search_changes (listing_id) VALUES (NEW.id);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER listings_search_insert AFTER INSERT ON listings
    FOR EACH ROW EXECUTE FUNCTION search_changes_append();

CREATE TRIGGER listings_search_update AFTER UPDATE OF
    status, category_id, parent_category_id, title, description, price, delivery_days,
    sales_count, rating_count, rating_x100, rank_score, seller_verified, published_at
ON listings
    FOR EACH ROW EXECUTE FUNCTION search_changes_append();

CREATE TRIGGER listings_search_delete AFTER DELETE ON listings
    FOR EACH ROW EXECUTE FUNCTION search_changes_append();
