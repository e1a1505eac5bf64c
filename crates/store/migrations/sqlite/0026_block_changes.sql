-- A block changes what both members see (each other's reviews and services are hidden), so
-- every process drops the block lists it keeps for them: a change naming each member.
-- `lists` stays false: the public lists are the same for everyone.
CREATE TRIGGER member_blocks_catalog_insert AFTER INSERT ON member_blocks
BEGIN
    INSERT INTO catalog_changes (member_id, lists) VALUES (NEW.blocker_id, FALSE);
    INSERT INTO catalog_changes (member_id, lists) VALUES (NEW.blocked_id, FALSE);
END;

CREATE TRIGGER member_blocks_catalog_delete AFTER DELETE ON member_blocks
BEGIN
    INSERT INTO catalog_changes (member_id, lists) VALUES (OLD.blocker_id, FALSE);
    INSERT INTO catalog_changes (member_id, lists) VALUES (OLD.blocked_id, FALSE);
END;
