-- The catalogue's change log, replacing the one global catalogue version: each row names what
-- a transaction changed of what visitors see, so every process drops only the cached pages
-- that show it. Triggers append the rows in the same transaction as the change, so no code path
-- (use case, bulk load, withdrawal purge, a test's direct UPDATE) can forget to.
--   listing_id: a service's page (its row, options, FAQ, images);
--   member_id:  everything that shows a member's card: their services' seller cards (name,
--               avatar, badge, vacation, totals) and reviews they wrote;
--   lists:      the change can reorder or refill the public lists (home page sections).
-- Ids come from a sequence, so a transaction that commits late can leave an id below one
-- already applied: readers look back at such gaps.
CREATE TABLE catalog_changes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    listing_id BIGINT,
    member_id BIGINT,
    lists BOOLEAN NOT NULL
);

-- A seller's totals (sales, ratings over visible services) move with these columns.
CREATE FUNCTION catalog_changes_listing() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO catalog_changes (listing_id, member_id, lists) VALUES (OLD.id, OLD.seller_id, TRUE);
    ELSIF TG_OP = 'INSERT' THEN
        INSERT INTO catalog_changes (listing_id, member_id, lists) VALUES (NEW.id, NEW.seller_id, TRUE);
    ELSE
        INSERT INTO catalog_changes (listing_id, member_id, lists) VALUES (
            NEW.id,
            CASE WHEN NEW.status IS DISTINCT FROM OLD.status
                      OR NEW.sales_count IS DISTINCT FROM OLD.sales_count
                      OR NEW.rating_sum IS DISTINCT FROM OLD.rating_sum
                      OR NEW.rating_count IS DISTINCT FROM OLD.rating_count
                 THEN NEW.seller_id END,
            NEW.status IS DISTINCT FROM OLD.status
                OR NEW.published_at IS DISTINCT FROM OLD.published_at
                OR NEW.rank_score IS DISTINCT FROM OLD.rank_score
        );
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER listings_catalog AFTER INSERT OR UPDATE OR DELETE ON listings
    FOR EACH ROW EXECUTE FUNCTION catalog_changes_listing();

-- Options, FAQ and images (images are on the page and on every card of the service).
CREATE FUNCTION catalog_changes_listing_part() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO catalog_changes (listing_id, lists) VALUES (OLD.listing_id, FALSE);
    ELSE
        INSERT INTO catalog_changes (listing_id, lists) VALUES (NEW.listing_id, FALSE);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER listing_options_catalog AFTER INSERT OR UPDATE OR DELETE ON listing_options
    FOR EACH ROW EXECUTE FUNCTION catalog_changes_listing_part();
CREATE TRIGGER listing_faqs_catalog AFTER INSERT OR UPDATE OR DELETE ON listing_faqs
    FOR EACH ROW EXECUTE FUNCTION catalog_changes_listing_part();
CREATE TRIGGER listing_images_catalog AFTER INSERT OR UPDATE OR DELETE ON listing_images
    FOR EACH ROW EXECUTE FUNCTION catalog_changes_listing_part();

-- A new profile is a new member on the home page's list of members; withdrawal and suspension
-- hide a member's profile and services.
CREATE FUNCTION catalog_changes_member() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO catalog_changes (member_id, lists) VALUES (OLD.user_id, TRUE);
    ELSIF TG_TABLE_NAME = 'users' THEN
        INSERT INTO catalog_changes (member_id, lists) VALUES (NEW.id, TRUE);
    ELSE
        INSERT INTO catalog_changes (member_id, lists) VALUES (NEW.user_id, TG_OP = 'INSERT');
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER profiles_catalog AFTER INSERT OR UPDATE OR DELETE ON profiles
    FOR EACH ROW EXECUTE FUNCTION catalog_changes_member();
CREATE TRIGGER users_catalog_status AFTER UPDATE OF status ON users
    FOR EACH ROW EXECUTE FUNCTION catalog_changes_member();

DROP TABLE catalog_version;

-- A review shown on a service page loses its author (withdrawal) or is taken down.
CREATE TRIGGER reviews_catalog AFTER UPDATE OR DELETE ON reviews
    FOR EACH ROW EXECUTE FUNCTION catalog_changes_listing_part();
