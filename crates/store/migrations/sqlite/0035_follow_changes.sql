-- Following or unfollowing changes the mark a member sees on the seller's service pages
-- (「フォロー中」), which every process keeps in its catalogue cache: a change naming the
-- follower drops their marks. Only while both members are active: a withdrawal's purge erases
-- a popular seller's follows by the thousand, and nobody sees those marks any more.
CREATE TRIGGER follows_catalog_insert AFTER INSERT ON follows
WHEN (SELECT status FROM users WHERE id = NEW.follower_id) = 'active'
 AND (SELECT status FROM users WHERE id = NEW.seller_id) = 'active'
BEGIN
    INSERT INTO catalog_changes (member_id, lists) VALUES (NEW.follower_id, FALSE);
END;

CREATE TRIGGER follows_catalog_delete AFTER DELETE ON follows
WHEN (SELECT status FROM users WHERE id = OLD.follower_id) = 'active'
 AND (SELECT status FROM users WHERE id = OLD.seller_id) = 'active'
BEGIN
    INSERT INTO catalog_changes (member_id, lists) VALUES (OLD.follower_id, FALSE);
END;
