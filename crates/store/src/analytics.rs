//! Seller analytics (`listing_analytics`): counts per service, day, kind and dimension value,
//! added by every process in batches (never overwritten), and the sums the reports read.
//! Favourites and orders per day are read from their own tables.

use yorozu_domain::listings::ListingStatus;
use yorozu_domain::{ListingId, UserId};

use crate::dynamic::{Bind, QueryBuilder};
use crate::{Exec, Result, execute, query_as};

/// One count to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    /// The row's id if this is its first count (ignored when the row exists).
    pub id: i64,
    pub listing_id: ListingId,
    /// The unix time at which the (Japanese) day begins.
    pub day: i64,
    pub kind: &'static str,
    pub value: String,
    pub n: i64,
}

/// Adds the counts: a new row per key, or `n` added to the stored one, so that several
/// processes flushing the same key add up. A value new to its service, day and kind is kept
/// only while fewer than `max_values` are stored for them; past that it adds to `other`.
/// Counts of services that no longer exist or were deleted are dropped (a purge may have run
/// since they were counted). Returns the rows written.
///
/// On PostgreSQL the services' rows are first locked `FOR SHARE` (in id order, as every
/// flush does): a purge marks a service deleted before erasing its counts, so it either
/// waits for this transaction and erases what it wrote, or this one waits for the purge and
/// then finds the service deleted. Without the lock, a flush that read the service as live
/// just before the purge committed would leave a row behind.
pub async fn add(c: &mut impl Exec, counts: &[Count], max_values: i64, other: &str) -> Result<u64> {
    if matches!(c.backend(), crate::Backend::Postgres) {
        let mut listings: Vec<i64> = counts.iter().map(|n| n.listing_id.get()).collect();
        listings.sort_unstable();
        listings.dedup();
        for chunk in listings.chunks(500) {
            let mut q = QueryBuilder::new("SELECT id FROM listings WHERE id IN (");
            for (i, id) in chunk.iter().enumerate() {
                if i > 0 {
                    q.push(", ");
                }
                q.push_bind(Bind::I64(*id));
            }
            q.push(") ORDER BY id FOR SHARE");
            q.execute(c).await?;
        }
    }
    let mut written = 0;
    for count in counts {
        written += execute!(
            c,
            "INSERT INTO listing_analytics (id, listing_id, day, kind, value, n)
             SELECT $1, $2, $3, $4,
                    CASE WHEN EXISTS (SELECT 1 FROM listing_analytics
                                       WHERE listing_id = $2 AND day = $3 AND kind = $4
                                         AND value = $5)
                           OR (SELECT COUNT(*) FROM listing_analytics
                                WHERE listing_id = $2 AND day = $3 AND kind = $4) < $7
                         THEN $5 ELSE $8 END,
                    $6
             WHERE EXISTS (SELECT 1 FROM listings WHERE id = $2 AND status <> 'deleted')
             ON CONFLICT (listing_id, day, kind, value)
             DO UPDATE SET n = listing_analytics.n + excluded.n",
            count.id,
            count.listing_id.get(),
            count.day,
            count.kind,
            &count.value,
            count.n,
            max_values,
            other
        )?;
    }
    Ok(written)
}

/// Which services a report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every service of the seller.
    Seller(UserId),
    /// One service.
    Listing(ListingId),
}

impl Scope {
    /// Appends `<column> IN (the scope's listing ids)`.
    fn push(self, q: &mut QueryBuilder) {
        match self {
            Scope::Seller(seller) => {
                q.push(" IN (SELECT id FROM listings WHERE seller_id = ");
                q.push_bind(Bind::I64(seller.get()));
                q.push(")");
            }
            Scope::Listing(listing) => {
                q.push(" IN (");
                q.push_bind(Bind::I64(listing.get()));
                q.push(")");
            }
        }
    }
}

/// A day's sum of one kind.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DayCount {
    pub day: i64,
    pub kind: String,
    pub n: i64,
}

/// Per day in `[from, to)`, the sums of impressions, views, favourites added and orders
/// paid (and not cancelled since) over the scope's services (kinds `impression`, `view`,
/// `favorite`, `order`).
/// Days without any count are absent.
pub async fn daily(c: &mut impl Exec, scope: Scope, from: i64, to: i64) -> Result<Vec<DayCount>> {
    let mut q = QueryBuilder::new(
        "SELECT day, kind, CAST(SUM(n) AS BIGINT) AS n FROM listing_analytics WHERE listing_id",
    );
    scope.push(&mut q);
    q.push(" AND kind IN ('impression', 'view') AND day >= ");
    q.push_bind(Bind::I64(from));
    q.push(" AND day < ");
    q.push_bind(Bind::I64(to));
    q.push(" GROUP BY day, kind");
    let mut rows: Vec<DayCount> = q.fetch_all(c).await?;
    // A favourite's or order's day: its time minus the time since that day began in Japan
    // (32,400 s = UTC+9; every stored time is after 1970, so `%` is not negative). An order
    // counts on the day it was paid, unless it was cancelled since (a deferred payment never
    // made is no purchase either).
    for (kind, times) in [
        (
            "'favorite'",
            "(SELECT created_at AS at FROM favorites WHERE listing_id",
        ),
        (
            "'order'",
            "(SELECT paid_at AS at FROM orders
               WHERE paid_at IS NOT NULL AND state <> 'cancelled' AND listing_id",
        ),
    ] {
        let mut q = QueryBuilder::new("SELECT at - (at + 32400) % 86400 AS day, ");
        q.push(kind);
        q.push(" AS kind, CAST(COUNT(*) AS BIGINT) AS n FROM ");
        q.push(times);
        scope.push(&mut q);
        q.push(") t WHERE at >= ");
        q.push_bind(Bind::I64(from));
        q.push(" AND at < ");
        q.push_bind(Bind::I64(to));
        q.push(" GROUP BY at - (at + 32400) % 86400");
        rows.extend(q.fetch_all::<DayCount>(c).await?);
    }
    Ok(rows)
}

/// A dimension value's sum.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ValueCount {
    pub value: String,
    pub n: i64,
}

/// The `limit` most frequent values of one dimension kind (`word`, `source`, `tag`, `host`)
/// over the scope's services in `[from, to)`, most frequent first, ties by value.
pub async fn top_values(
    c: &mut impl Exec,
    scope: Scope,
    kind: &'static str,
    from: i64,
    to: i64,
    limit: i64,
) -> Result<Vec<ValueCount>> {
    let mut q = QueryBuilder::new(
        "SELECT value, CAST(SUM(n) AS BIGINT) AS n FROM listing_analytics WHERE listing_id",
    );
    scope.push(&mut q);
    q.push(" AND kind = ");
    q.push_bind(Bind::Text(kind.to_owned()));
    q.push(" AND day >= ");
    q.push_bind(Bind::I64(from));
    q.push(" AND day < ");
    q.push_bind(Bind::I64(to));
    q.push(" GROUP BY value ORDER BY SUM(n) DESC, value LIMIT ");
    q.push_bind(Bind::I64(limit));
    q.fetch_all(c).await
}

/// One of the seller's services with its sums in a window.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ListingTotals {
    #[sqlx(try_from = "i64")]
    pub listing_id: ListingId,
    pub title: String,
    #[sqlx(try_from = "String")]
    pub status: ListingStatus,
    pub impressions: i64,
    pub views: i64,
    pub favorites: i64,
    pub orders: i64,
}

/// Every service of the seller (deleted ones left out), newest first, with its sums of
/// impressions, views, favourites added and orders paid (and not cancelled) in `[from, to)`.
pub async fn per_listing(
    c: &mut impl Exec,
    seller: UserId,
    from: i64,
    to: i64,
) -> Result<Vec<ListingTotals>> {
    Ok(query_as!(
        c,
        fetch_all,
        ListingTotals,
        "SELECT l.id AS listing_id, l.title, l.status,
                (SELECT CAST(COALESCE(SUM(a.n), 0) AS BIGINT) FROM listing_analytics a
                  WHERE a.listing_id = l.id AND a.kind = 'impression'
                    AND a.day >= $2 AND a.day < $3) AS impressions,
                (SELECT CAST(COALESCE(SUM(a.n), 0) AS BIGINT) FROM listing_analytics a
                  WHERE a.listing_id = l.id AND a.kind = 'view'
                    AND a.day >= $2 AND a.day < $3) AS views,
                (SELECT CAST(COUNT(*) AS BIGINT) FROM favorites f
                  WHERE f.listing_id = l.id AND f.created_at >= $2 AND f.created_at < $3) AS favorites,
                (SELECT CAST(COUNT(*) AS BIGINT) FROM orders o
                  WHERE o.listing_id = l.id AND o.paid_at >= $2 AND o.paid_at < $3
                    AND o.state <> 'cancelled') AS orders
         FROM listings l
         WHERE l.seller_id = $1 AND l.status <> 'deleted'
         ORDER BY l.id DESC",
        seller.get(),
        from,
        to
    )?)
}

/// Every stored count of the seller's services, for tests and checks (oldest day first).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct StoredCount {
    #[sqlx(try_from = "i64")]
    pub listing_id: ListingId,
    pub day: i64,
    pub kind: String,
    pub value: String,
    pub n: i64,
}

pub async fn of_seller(c: &mut impl Exec, seller: UserId) -> Result<Vec<StoredCount>> {
    Ok(query_as!(
        c,
        fetch_all,
        StoredCount,
        "SELECT a.listing_id, a.day, a.kind, a.value, a.n FROM listing_analytics a
         WHERE a.listing_id IN (SELECT id FROM listings WHERE seller_id = $1)
         ORDER BY a.day, a.listing_id, a.kind, a.value",
        seller.get()
    )?)
}

/// Deletes the counts of these services (the purge's listings step).
pub async fn erase_listings(c: &mut impl Exec, listing_ids: &[ListingId]) -> Result<u64> {
    if listing_ids.is_empty() {
        return Ok(0);
    }
    let mut q = QueryBuilder::new("DELETE FROM listing_analytics WHERE listing_id IN (");
    for (i, id) in listing_ids.iter().enumerate() {
        if i > 0 {
            q.push(", ");
        }
        q.push_bind(Bind::I64(id.get()));
    }
    q.push(")");
    q.execute(c).await
}
