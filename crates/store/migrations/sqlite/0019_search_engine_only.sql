-- Keyword search runs on the search engine (tantivy, fed from search_changes since 0017): the
-- SQL posting list and the normalised text its substring check read are no longer written or
-- read. Dropping a column keeps the table's indexes and triggers (0017's among them); neither
-- names search_text.
DROP TABLE listing_grams;
ALTER TABLE listings DROP COLUMN search_text;
