-- The search index's change log. The index (tantivy files in each process's data folder) is
-- derived data: every process applies these rows in id order and remembers the last one it
-- applied. Triggers append a row in the same transaction as every write to a listing column the
-- index holds, so no code path (use case, bulk load, withdrawal purge, a test's direct UPDATE)
-- can change a listing without telling search.
-- AUTOINCREMENT: ids are never reused, even after old rows are pruned.
CREATE TABLE search_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    listing_id BIGINT NOT NULL
);

CREATE TRIGGER listings_search_insert AFTER INSERT ON listings
BEGIN
    INSERT INTO search_changes (listing_id) VALUES (NEW.id);
END;

CREATE TRIGGER listings_search_update AFTER UPDATE OF
    status, category_id, parent_category_id, title, description, price, delivery_days,
    sales_count, rating_count, rating_x100, rank_score, seller_verified, published_at
ON listings
BEGIN
    INSERT INTO search_changes (listing_id) VALUES (NEW.id);
END;

CREATE TRIGGER listings_search_delete AFTER DELETE ON listings
BEGIN
    INSERT INTO search_changes (listing_id) VALUES (OLD.id);
END;
