-- A counter bumped in every transaction that changes what the public catalogue shows
-- (services, their images and counters, sellers' public profiles). Caches of search results and
-- service pages compare it to know, exactly, when they are stale — across processes too.
CREATE TABLE catalog_version (
    id BIGINT PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO catalog_version (id, version) VALUES (1, 0);
