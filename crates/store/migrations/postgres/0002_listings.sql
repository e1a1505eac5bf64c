-- Services (出品; PostgreSQL), their options, FAQ, images, the search index and favourites.

CREATE TABLE listings (
    id BIGINT PRIMARY KEY,
    seller_id BIGINT NOT NULL REFERENCES users (id),
    status TEXT NOT NULL,
    category_id BIGINT NOT NULL,
    parent_category_id BIGINT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    price BIGINT NOT NULL,
    delivery_days BIGINT NOT NULL,
    revisions BIGINT NOT NULL,
    buyer_notes TEXT NOT NULL,
    -- Normalised title and description: the exact-substring check after the n-gram lookup.
    search_text TEXT NOT NULL,
    sales_count BIGINT NOT NULL,
    rating_sum BIGINT NOT NULL,
    rating_count BIGINT NOT NULL,
    -- Average rating × 100, kept in step with rating_sum/rating_count for filtering and sorting.
    rating_x100 BIGINT NOT NULL,
    favorites_count BIGINT NOT NULL,
    -- "Recommended" order: higher is better; recomputed when its inputs change.
    rank_score BIGINT NOT NULL,
    seller_verified BOOLEAN NOT NULL,
    published_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX listings_seller ON listings (seller_id, status, updated_at);
-- One index per sort order of the public lists. Each ends with the tie-break (id) so that
-- walking it, forwards or backwards, yields the complete ORDER BY: without it SQLite sorts
-- every published row to find the first page.
CREATE INDEX listings_public_new ON listings (status, published_at, id);
CREATE INDEX listings_public_rank ON listings (status, rank_score, id);
CREATE INDEX listings_public_price ON listings (status, price, id);
CREATE INDEX listings_public_rating ON listings (status, rating_x100, rating_count, id);
CREATE INDEX listings_public_sales ON listings (status, sales_count, id);
CREATE INDEX listings_category_new ON listings (category_id, status, published_at, id);
CREATE INDEX listings_parent_new ON listings (parent_category_id, status, published_at, id);

CREATE TABLE listing_options (
    listing_id BIGINT NOT NULL REFERENCES listings (id),
    position BIGINT NOT NULL,
    title TEXT NOT NULL,
    price BIGINT NOT NULL,
    PRIMARY KEY (listing_id, position)
);

CREATE TABLE listing_faqs (
    listing_id BIGINT NOT NULL REFERENCES listings (id),
    position BIGINT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    PRIMARY KEY (listing_id, position)
);

CREATE TABLE listing_images (
    id BIGINT PRIMARY KEY,
    listing_id BIGINT NOT NULL REFERENCES listings (id),
    position BIGINT NOT NULL,
    file_key TEXT NOT NULL,
    thumb_key TEXT NOT NULL,
    width BIGINT NOT NULL,
    height BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX listing_images_listing ON listing_images (listing_id, position);

-- Posting list of the search index: one row per distinct 1- or 2-character gram of a listing.
CREATE TABLE listing_grams (
    gram TEXT NOT NULL,
    listing_id BIGINT NOT NULL,
    PRIMARY KEY (gram, listing_id)
);
CREATE INDEX listing_grams_listing ON listing_grams (listing_id);

CREATE TABLE favorites (
    user_id BIGINT NOT NULL REFERENCES users (id),
    listing_id BIGINT NOT NULL REFERENCES listings (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, listing_id)
);
CREATE INDEX favorites_listing ON favorites (listing_id);
CREATE INDEX favorites_user_new ON favorites (user_id, created_at);

-- Vacation mode: services stay visible but cannot be bought until this time.
ALTER TABLE profiles ADD COLUMN vacation_until BIGINT;
