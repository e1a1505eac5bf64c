-- The catalogue's change log, replacing the one global catalogue version: each row names what
-- a transaction changed of what visitors see, so every process drops only the cached pages
-- that show it. Triggers append the rows in the same transaction as the change, so no code path
-- (use case, bulk load, withdrawal purge, a test's direct UPDATE) can forget to.
--   listing_id: a service's page (its row, options, FAQ, images);
--   member_id:  everything that shows a member's card: their services' seller cards (name,
--               avatar, badge, vacation, totals) and reviews they wrote;
--   lists:      the change can reorder or refill the public lists (home page sections).
-- AUTOINCREMENT: ids are never reused, even after old rows are pruned.
CREATE TABLE catalog_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    listing_id BIGINT,
    member_id BIGINT,
    lists BOOLEAN NOT NULL
);

-- A seller's totals (sales, ratings over visible services) move with these columns.
CREATE TRIGGER listings_catalog_insert AFTER INSERT ON listings
BEGIN
    INSERT INTO catalog_changes (listing_id, member_id, lists)
    VALUES (NEW.id, NEW.seller_id, TRUE);
END;

CREATE TRIGGER listings_catalog_update AFTER UPDATE ON listings
BEGIN
    INSERT INTO catalog_changes (listing_id, member_id, lists) VALUES (
        NEW.id,
        CASE WHEN NEW.status IS NOT OLD.status
                  OR NEW.sales_count IS NOT OLD.sales_count
                  OR NEW.rating_sum IS NOT OLD.rating_sum
                  OR NEW.rating_count IS NOT OLD.rating_count
             THEN NEW.seller_id END,
        NEW.status IS NOT OLD.status
            OR NEW.published_at IS NOT OLD.published_at
            OR NEW.rank_score IS NOT OLD.rank_score
    );
END;

CREATE TRIGGER listings_catalog_delete AFTER DELETE ON listings
BEGIN
    INSERT INTO catalog_changes (listing_id, member_id, lists)
    VALUES (OLD.id, OLD.seller_id, TRUE);
END;

CREATE TRIGGER listing_options_catalog_insert AFTER INSERT ON listing_options
BEGIN
    INSERT INTO catalog_changes (listing_id, lists) VALUES (NEW.listing_id, FALSE);
END;
CREATE TRIGGER listing_options_catalog_update AFTER UPDATE ON listing_options
BEGIN
    INSERT INTO catalog_changes (listing_id, lists) VALUES (NEW.listing_id, FALSE);
END;
CREATE TRIGGER listing_options_catalog_delete AFTER DELETE ON listing_options
BEGIN
    INSERT INTO catalog_changes (listing_id, lists) VALUES (OLD.listing_id, FALSE);
END;

CREATE TRIGGER listing_faqs_catalog_insert AFTER INSERT ON listing_faqs
BEGIN
    INSERT INTO catalog_changes (listing_id, lists) VALUES (NEW.listing_id, FALSE);
END;
CREATE TRIGGER listing_faqs_catalog_update AFTER UPDATE ON listing_faqs
BEGIN
    INSERT INTO catalog_changes (listing_id, lists) VALUES (NEW.listing_id, FALSE);
END;
CREATE TRIGGER listing_faqs_catalog_delete AFTER DELETE ON listing_faqs
BEGIN
    INSERT INTO catalog_changes (listing_id, lists) VALUES (OLD.listing_id, FALSE);
END;

-- Images are on the page and on every card of the service.
CREATE TRIGGER listing_images_catalog_insert AFTER INSERT ON listing_images
BEGIN
    INSERT INTO catalog_changes (listing_id, lists) VALUES (NEW.listing_id, FALSE);
END;
CREATE TRIGGER listing_images_catalog_update AFTER UPDATE ON listing_images
BEGIN
    INSERT INTO catalog_changes (listing_id, lists) VALUES (NEW.listing_id, FALSE);
END;
CREATE TRIGGER listing_images_catalog_delete AFTER DELETE ON listing_images
BEGIN
    INSERT INTO catalog_changes (listing_id, lists) VALUES (OLD.listing_id, FALSE);
END;

-- A new profile is a new member on the home page's list of members.
CREATE TRIGGER profiles_catalog_insert AFTER INSERT ON profiles
BEGIN
    INSERT INTO catalog_changes (member_id, lists) VALUES (NEW.user_id, TRUE);
END;
CREATE TRIGGER profiles_catalog_update AFTER UPDATE ON profiles
BEGIN
    INSERT INTO catalog_changes (member_id, lists) VALUES (NEW.user_id, FALSE);
END;
CREATE TRIGGER profiles_catalog_delete AFTER DELETE ON profiles
BEGIN
    INSERT INTO catalog_changes (member_id, lists) VALUES (OLD.user_id, TRUE);
END;

-- Withdrawal and suspension hide a member's profile and services.
CREATE TRIGGER users_catalog_status AFTER UPDATE OF status ON users
BEGIN
    INSERT INTO catalog_changes (member_id, lists) VALUES (NEW.id, TRUE);
END;

DROP TABLE catalog_version;

-- A review shown on a service page loses its author (withdrawal) or is taken down.
CREATE TRIGGER reviews_catalog_update AFTER UPDATE ON reviews
BEGIN
    INSERT INTO catalog_changes (listing_id, lists) VALUES (NEW.listing_id, FALSE);
END;
CREATE TRIGGER reviews_catalog_delete AFTER DELETE ON reviews
BEGIN
    INSERT INTO catalog_changes (listing_id, lists) VALUES (OLD.listing_id, FALSE);
END;
