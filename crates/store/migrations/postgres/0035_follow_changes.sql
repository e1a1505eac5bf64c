-- Following or unfollowing changes the mark a member sees on the seller's service pages
-- (「フォロー中」), which every process keeps in its catalogue cache: a change naming the
-- follower drops their marks. Only while both members are active: a withdrawal's purge erases
-- a popular seller's follows by the thousand, and nobody sees those marks any more.
CREATE FUNCTION catalog_changes_follow() RETURNS trigger AS $$
DECLARE
    f RECORD;
BEGIN
    IF TG_OP = 'DELETE' THEN
        f := OLD;
    ELSE
        f := NEW;
    END IF;
    IF (SELECT status FROM users WHERE id = f.follower_id) = 'active'
       AND (SELECT status FROM users WHERE id = f.seller_id) = 'active' THEN
        INSERT INTO catalog_changes (member_id, lists) VALUES (f.follower_id, FALSE);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER follows_catalog AFTER INSERT OR DELETE ON follows
    FOR EACH ROW EXECUTE FUNCTION catalog_changes_follow();
