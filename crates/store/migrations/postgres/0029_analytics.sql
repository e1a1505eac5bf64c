-- Seller analytics (アクセス解析): counts only, per service, per day (the unix time at which
-- the day begins in Japan), per kind and dimension value. No visitor id, no address, no full
-- referrer: `kind` is one of
--   impression  a search or category results page showed the service (value '')
--   view        the service page was served to someone other than its seller (value '')
--   word        a search word of a results page that showed the service (value: the word)
--   source      where a view came from: search, category, profile, tag, outside, site, direct
--   tag         a share-kit source tag (`?src=x`) of a view (value: the tag)
--   host        the referrer's host of a view from another site (value: the host only)
-- Counts are added in memory and written in batches by every process with
-- `ON CONFLICT DO UPDATE SET n = n + excluded.n`, so processes add up and never overwrite.
-- `id` only gives the data export a unique key to page by; it is set by the first insert.
CREATE TABLE listing_analytics (
    id BIGINT NOT NULL,
    listing_id BIGINT NOT NULL,
    day BIGINT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (listing_id, day, kind, value)
);
CREATE UNIQUE INDEX listing_analytics_id ON listing_analytics (id);
CREATE INDEX listing_analytics_day ON listing_analytics (listing_id, kind, day);
