-- A block changes what both members see (each other's reviews and services are hidden), so
-- every process drops the block lists it keeps for them: a change naming each member.
-- `lists` stays false: the public lists are the same for everyone.
CREATE FUNCTION catalog_changes_block() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO catalog_changes (member_id, lists)
        VALUES (OLD.blocker_id, FALSE), (OLD.blocked_id, FALSE);
    ELSE
        INSERT INTO catalog_changes (member_id, lists)
        VALUES (NEW.blocker_id, FALSE), (NEW.blocked_id, FALSE);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER member_blocks_catalog AFTER INSERT OR DELETE ON member_blocks
    FOR EACH ROW EXECUTE FUNCTION catalog_changes_block();
