//! The `listings` table and the rows that hang off it (options, FAQ).

use yorozu_domain::ListingId;
use yorozu_domain::UserId;
use yorozu_domain::Yen;
use yorozu_domain::accounts::AccountStatus;
use yorozu_domain::listings::ListingStatus;

use crate::{Exec, Result, execute, query_as};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ListingRow {
    #[sqlx(try_from = "i64")]
    pub id: ListingId,
    #[sqlx(try_from = "i64")]
    pub seller_id: UserId,
    #[sqlx(try_from = "String")]
    pub status: ListingStatus,
    pub category_id: i64,
    pub parent_category_id: i64,
    pub title: String,
    pub description: String,
    #[sqlx(try_from = "i64")]
    pub price: Yen,
    pub delivery_days: i64,
    pub revisions: i64,
    pub buyer_notes: String,
    pub sales_count: i64,
    pub rating_sum: i64,
    pub rating_count: i64,
    pub rating_x100: i64,
    pub favorites_count: i64,
    pub rank_score: i64,
    pub seller_verified: bool,
    pub published_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// The columns of [`ListingRow`], for queries that select a listing.
#[macro_export]
macro_rules! listing_columns {
    ($alias:literal) => {
        concat!(
            $alias,
            ".id, ",
            $alias,
            ".seller_id, ",
            $alias,
            ".status, ",
            $alias,
            ".category_id, ",
            $alias,
            ".parent_category_id, ",
            $alias,
            ".title, ",
            $alias,
            ".description, ",
            $alias,
            ".price, ",
            $alias,
            ".delivery_days, ",
            $alias,
            ".revisions, ",
            $alias,
            ".buyer_notes, ",
            $alias,
            ".sales_count, ",
            $alias,
            ".rating_sum, ",
            $alias,
            ".rating_count, ",
            $alias,
            ".rating_x100, ",
            $alias,
            ".favorites_count, ",
            $alias,
            ".rank_score, ",
            $alias,
            ".seller_verified, ",
            $alias,
            ".published_at, ",
            $alias,
            ".created_at, ",
            $alias,
            ".updated_at"
        )
    };
}

/// The editable content of a listing, already validated.
#[derive(Debug, Clone)]
pub struct NewListing {
    pub id: ListingId,
    pub seller_id: UserId,
    pub category_id: i64,
    pub parent_category_id: i64,
    pub title: String,
    pub description: String,
    pub price: Yen,
    pub delivery_days: i64,
    pub revisions: i64,
    pub buyer_notes: String,
    pub seller_verified: bool,
    pub now: i64,
}

/// Inserts a draft.
pub async fn insert(c: &mut impl Exec, l: &NewListing) -> Result<()> {
    execute!(
        c,
        "INSERT INTO listings (id, seller_id, status, category_id, parent_category_id, title, description, price,
                               delivery_days, revisions, buyer_notes, sales_count, rating_sum,
                               rating_count, rating_x100, favorites_count, rank_score, seller_verified,
                               published_at, created_at, updated_at)
         VALUES ($1, $2, 'draft', $3, $4, $5, $6, $7, $8, $9, $10, 0, 0, 0, 0, 0, 0, $11, NULL, $12, $12)",
        l.id.get(),
        l.seller_id.get(),
        l.category_id,
        l.parent_category_id,
        &l.title,
        &l.description,
        l.price.get(),
        l.delivery_days,
        l.revisions,
        &l.buyer_notes,
        l.seller_verified,
        l.now
    )?;
    Ok(())
}

/// Replaces the content fields (not status or counters).
pub async fn update_content(c: &mut impl Exec, l: &NewListing) -> Result<()> {
    execute!(
        c,
        "UPDATE listings SET category_id = $2, parent_category_id = $3, title = $4, description = $5, price = $6,
                             delivery_days = $7, revisions = $8, buyer_notes = $9, updated_at = $10
         WHERE id = $1",
        l.id.get(),
        l.category_id,
        l.parent_category_id,
        &l.title,
        &l.description,
        l.price.get(),
        l.delivery_days,
        l.revisions,
        &l.buyer_notes,
        l.now
    )?;
    Ok(())
}

pub async fn find(c: &mut impl Exec, id: ListingId) -> Result<Option<ListingRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        ListingRow,
        concat!(
            "SELECT ",
            listing_columns!("l"),
            " FROM listings l WHERE l.id = $1"
        ),
        id.get()
    )?)
}

/// Changes the status, setting `published_at` on first publication. `from` guards against a
/// concurrent change: false when the row was not in that status.
pub async fn set_status(
    c: &mut impl Exec,
    id: ListingId,
    from: ListingStatus,
    to: ListingStatus,
    now: i64,
) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE listings SET status = $3, updated_at = $4,
                published_at = CASE WHEN $3 = 'published' THEN COALESCE(published_at, $4) ELSE published_at END
         WHERE id = $1 AND status = $2",
        id.get(),
        from.as_str(),
        to.as_str(),
        now
    )?;
    Ok(n == 1)
}

/// Pauses every published listing of the seller (their withdrawal); returns how many.
pub async fn pause_all_published(c: &mut impl Exec, seller_id: UserId, now: i64) -> Result<u64> {
    Ok(execute!(
        c,
        "UPDATE listings SET status = 'paused', updated_at = $2 WHERE seller_id = $1 AND status = 'published'",
        seller_id.get(),
        now
    )?)
}

/// A seller's listings (all but deleted), newest change first.
pub async fn list_by_seller(
    c: &mut impl Exec,
    seller_id: UserId,
    limit: i64,
) -> Result<Vec<ListingRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        ListingRow,
        concat!(
            "SELECT ",
            listing_columns!("l"),
            " FROM listings l WHERE l.seller_id = $1 AND l.status <> 'deleted' ORDER BY l.updated_at DESC, l.id DESC LIMIT $2"
        ),
        seller_id.get(),
        limit
    )?)
}

/// A seller's published listings, for their public page.
pub async fn list_published_by_seller(
    c: &mut impl Exec,
    seller_id: UserId,
    limit: i64,
) -> Result<Vec<ListingRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        ListingRow,
        concat!(
            "SELECT ",
            listing_columns!("l"),
            " FROM listings l WHERE l.seller_id = $1 AND l.status = 'published' ORDER BY l.published_at DESC, l.id DESC LIMIT $2"
        ),
        seller_id.get(),
        limit
    )?)
}

/// Keeps the denormalised "identity verified" flag of a seller's listings in step.
pub async fn set_seller_verified(
    c: &mut impl Exec,
    seller_id: UserId,
    verified: bool,
) -> Result<u64> {
    Ok(execute!(
        c,
        "UPDATE listings SET seller_verified = $2 WHERE seller_id = $1",
        seller_id.get(),
        verified
    )?)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OptionRow {
    pub position: i64,
    pub title: String,
    #[sqlx(try_from = "i64")]
    pub price: Yen,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FaqRow {
    pub position: i64,
    pub question: String,
    pub answer: String,
}

pub async fn replace_options(
    c: &mut impl Exec,
    listing_id: ListingId,
    options: &[(String, Yen)],
) -> Result<()> {
    execute!(
        c,
        "DELETE FROM listing_options WHERE listing_id = $1",
        listing_id.get()
    )?;
    for (i, (title, price)) in options.iter().enumerate() {
        execute!(
            c,
            "INSERT INTO listing_options (listing_id, position, title, price) VALUES ($1, $2, $3, $4)",
            listing_id.get(),
            i as i64,
            title,
            price.get()
        )?;
    }
    Ok(())
}

pub async fn options(c: &mut impl Exec, listing_id: ListingId) -> Result<Vec<OptionRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        OptionRow,
        "SELECT position, title, price FROM listing_options WHERE listing_id = $1 ORDER BY position",
        listing_id.get()
    )?)
}

pub async fn replace_faqs(
    c: &mut impl Exec,
    listing_id: ListingId,
    faqs: &[(String, String)],
) -> Result<()> {
    execute!(
        c,
        "DELETE FROM listing_faqs WHERE listing_id = $1",
        listing_id.get()
    )?;
    for (i, (question, answer)) in faqs.iter().enumerate() {
        execute!(
            c,
            "INSERT INTO listing_faqs (listing_id, position, question, answer) VALUES ($1, $2, $3, $4)",
            listing_id.get(),
            i as i64,
            question,
            answer
        )?;
    }
    Ok(())
}

pub async fn faqs(c: &mut impl Exec, listing_id: ListingId) -> Result<Vec<FaqRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        FaqRow,
        "SELECT position, question, answer FROM listing_faqs WHERE listing_id = $1 ORDER BY position",
        listing_id.get()
    )?)
}

/// A seller's totals over their listings that buyers can see (published or paused), for the
/// seller card: sales, and the sum and number of ratings (average = sum / count).
#[derive(Debug, Clone, Copy, Default, sqlx::FromRow)]
pub struct SellerTotals {
    pub sales_count: i64,
    pub rating_sum: i64,
    pub rating_count: i64,
}

pub async fn seller_totals(c: &mut impl Exec, seller_id: UserId) -> Result<SellerTotals> {
    // SUM of a BIGINT is NUMERIC on PostgreSQL: cast back so both databases return BIGINT.
    Ok(query_as!(
        c,
        fetch_one,
        SellerTotals,
        "SELECT CAST(COALESCE(SUM(sales_count), 0) AS BIGINT) AS sales_count,
                CAST(COALESCE(SUM(rating_sum), 0) AS BIGINT) AS rating_sum,
                CAST(COALESCE(SUM(rating_count), 0) AS BIGINT) AS rating_count
         FROM listings WHERE seller_id = $1 AND status IN ('published', 'paused')",
        seller_id.get()
    )?)
}

/// Counts a completed sale of a service.
pub async fn record_sale(c: &mut impl Exec, id: ListingId) -> Result<()> {
    execute!(
        c,
        "UPDATE listings SET sales_count = sales_count + 1 WHERE id = $1",
        id.get()
    )?;
    Ok(())
}

/// Adds a buyer's rating to a service's summary; `rating_x100` is recomputed from the new
/// sum and count (rounded half up, like `yorozu_domain::orders::review::average_x100`).
pub async fn record_rating(c: &mut impl Exec, id: ListingId, rating: i64) -> Result<()> {
    execute!(
        c,
        "UPDATE listings SET rating_sum = rating_sum + $2, rating_count = rating_count + 1,
             rating_x100 = ((rating_sum + $2) * 200 + rating_count + 1) / (2 * (rating_count + 1))
         WHERE id = $1",
        id.get(),
        rating
    )?;
    Ok(())
}

/// Stores a recomputed "recommended" score.
pub async fn set_rank_score(c: &mut impl Exec, id: ListingId, score: i64) -> Result<()> {
    execute!(
        c,
        "UPDATE listings SET rank_score = $2 WHERE id = $1",
        id.get(),
        score
    )?;
    Ok(())
}

/// A service with what a purchase needs to know about its seller: their public name, their
/// vacation and where their mail goes. One query for the purchase path.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ListingForSale {
    #[sqlx(flatten)]
    pub listing: ListingRow,
    pub seller_name: String,
    pub seller_vacation_until: Option<i64>,
    pub seller_email: Option<String>,
    #[sqlx(try_from = "String")]
    pub seller_status: AccountStatus,
    pub seller_locale: String,
}

pub async fn find_for_sale(c: &mut impl Exec, id: ListingId) -> Result<Option<ListingForSale>> {
    Ok(query_as!(
        c,
        fetch_optional,
        ListingForSale,
        concat!(
            "SELECT ",
            listing_columns!("l"),
            ", p.display_name AS seller_name, p.vacation_until AS seller_vacation_until,
               u.email AS seller_email, u.status AS seller_status, u.locale AS seller_locale
             FROM listings l JOIN profiles p ON p.user_id = l.seller_id JOIN users u ON u.id = l.seller_id
             WHERE l.id = $1"
        ),
        id.get()
    )?)
}
