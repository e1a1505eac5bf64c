//! Offer versions and their options. State changes are conditional updates: each says which
//! state it starts from, so two of them racing on one version cannot both take effect.

use yorozu_domain::listings::{DeliveryDays, ListingPrice, Revisions};
use yorozu_domain::offers::OfferState;
use yorozu_domain::{ConsultationId, ListingId, OfferId, OrderId, UserId};

use crate::{Exec, Result, execute, query_as, query_scalar};

/// One version of an offer.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OfferRow {
    #[sqlx(try_from = "i64")]
    pub id: OfferId,
    #[sqlx(try_from = "i64")]
    pub consultation_id: ConsultationId,
    pub version: i64,
    #[sqlx(try_from = "i64")]
    pub listing_id: ListingId,
    #[sqlx(try_from = "i64")]
    pub seller_id: UserId,
    #[sqlx(try_from = "i64")]
    pub buyer_id: UserId,
    pub title: String,
    pub included: String,
    #[sqlx(try_from = "i64")]
    pub price: StoredPrice,
    #[sqlx(try_from = "i64")]
    pub delivery_days: StoredDays,
    #[sqlx(try_from = "i64")]
    pub revisions: StoredRevisions,
    #[sqlx(try_from = "String")]
    pub state: OfferState,
    pub decline_reason: Option<String>,
    pub expires_at: i64,
    #[sqlx(try_from = "crate::OptionalId")]
    pub order_id: Option<OrderId>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// A stored price, trusted as it is (a raised minimum applies to the next offer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredPrice(pub ListingPrice);

impl From<i64> for StoredPrice {
    fn from(yen: i64) -> Self {
        Self(ListingPrice::from_storage(yen))
    }
}

/// Stored delivery days, decoded through the domain's limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredDays(pub DeliveryDays);

impl TryFrom<i64> for StoredDays {
    type Error = yorozu_domain::listings::DeliveryDaysError;
    fn try_from(days: i64) -> std::result::Result<Self, Self::Error> {
        DeliveryDays::from_storage(days).map(Self)
    }
}

/// Stored revisions (-1 for unlimited).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredRevisions(pub Revisions);

impl TryFrom<i64> for StoredRevisions {
    type Error = yorozu_domain::listings::RevisionsError;
    fn try_from(stored: i64) -> std::result::Result<Self, Self::Error> {
        Revisions::from_storage(stored).map(Self)
    }
}

/// One paid option of an offer version.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OfferOptionRow {
    #[sqlx(try_from = "i64")]
    pub offer_id: OfferId,
    pub position: i64,
    pub title: String,
    pub price: i64,
}

pub async fn insert(c: &mut impl Exec, o: &OfferRow) -> Result<()> {
    execute!(
        c,
        "INSERT INTO offers (id, consultation_id, version, listing_id, seller_id, buyer_id,
           title, included, price, delivery_days, revisions, state, decline_reason, expires_at,
           order_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
        o.id.get(),
        o.consultation_id.get(),
        o.version,
        o.listing_id.get(),
        o.seller_id.get(),
        o.buyer_id.get(),
        &o.title,
        &o.included,
        o.price.0.yen().get(),
        o.delivery_days.0.as_storage(),
        o.revisions.0.as_storage(),
        o.state.as_str(),
        o.decline_reason.as_deref(),
        o.expires_at,
        o.order_id.map(OrderId::get),
        o.created_at,
        o.updated_at
    )?;
    Ok(())
}

pub async fn insert_option(c: &mut impl Exec, o: &OfferOptionRow) -> Result<()> {
    execute!(
        c,
        "INSERT INTO offer_options (offer_id, position, title, price) VALUES ($1, $2, $3, $4)",
        o.offer_id.get(),
        o.position,
        &o.title,
        o.price
    )?;
    Ok(())
}

pub async fn find(c: &mut impl Exec, id: OfferId) -> Result<Option<OfferRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        OfferRow,
        "SELECT id, consultation_id, version, listing_id, seller_id, buyer_id, title, included,
                price, delivery_days, revisions, state, decline_reason, expires_at, order_id,
                created_at, updated_at
         FROM offers WHERE id = $1",
        id.get()
    )?)
}

/// Every version sent in a consultation, oldest first.
pub async fn of_consultation(c: &mut impl Exec, id: ConsultationId) -> Result<Vec<OfferRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        OfferRow,
        "SELECT id, consultation_id, version, listing_id, seller_id, buyer_id, title, included,
                price, delivery_days, revisions, state, decline_reason, expires_at, order_id,
                created_at, updated_at
         FROM offers WHERE consultation_id = $1 ORDER BY version",
        id.get()
    )?)
}

/// The options of an offer version, by position.
pub async fn options(c: &mut impl Exec, id: OfferId) -> Result<Vec<OfferOptionRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        OfferOptionRow,
        "SELECT offer_id, position, title, price FROM offer_options
         WHERE offer_id = $1 ORDER BY position",
        id.get()
    )?)
}

/// The version number the next offer in the consultation gets.
pub async fn next_version(c: &mut impl Exec, id: ConsultationId) -> Result<i64> {
    let last: Option<i64> = query_scalar!(
        c,
        fetch_one,
        Option<i64>,
        "SELECT MAX(version) FROM offers WHERE consultation_id = $1",
        id.get()
    )?;
    Ok(last.unwrap_or(0) + 1)
}

/// Moves one open version to `to` (declined, superseded, withdrawn) with an optional reason;
/// false if it was no longer open.
pub async fn close(
    c: &mut impl Exec,
    id: OfferId,
    to: OfferState,
    reason: Option<&str>,
    now: i64,
) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE offers SET state = $2, decline_reason = $3, updated_at = $4
         WHERE id = $1 AND state = 'open'",
        id.get(),
        to.as_str(),
        reason,
        now
    )?;
    Ok(n == 1)
}

/// Records that an open version expired; false if it was bought, revised or closed first, or
/// has not reached its expiry.
pub async fn expire(c: &mut impl Exec, id: OfferId, now: i64) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE offers SET state = 'expired', updated_at = $2
         WHERE id = $1 AND state = 'open' AND expires_at <= $2",
        id.get(),
        now
    )?;
    Ok(n == 1)
}

/// Marks an open, unexpired version bought by `order_id`, for `buyer_id` only; false if it
/// expired, was revised, declined or bought meanwhile. Run inside the purchase's transaction.
pub async fn accept(
    c: &mut impl Exec,
    id: OfferId,
    buyer_id: UserId,
    order_id: OrderId,
    now: i64,
) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE offers SET state = 'accepted', order_id = $3, updated_at = $4
         WHERE id = $1 AND buyer_id = $2 AND state = 'open' AND expires_at > $4",
        id.get(),
        buyer_id.get(),
        order_id.get(),
        now
    )?;
    Ok(n == 1)
}

/// Withdraws every open version the member sent or received (at withdrawal); how many.
pub async fn withdraw_open_of(c: &mut impl Exec, member: UserId, now: i64) -> Result<u64> {
    Ok(execute!(
        c,
        "UPDATE offers SET state = 'withdrawn', updated_at = $2
         WHERE state = 'open' AND (seller_id = $1 OR buyer_id = $1)",
        member.get(),
        now
    )?)
}

/// How many open offers the member sent or received that have not expired by `now`.
pub async fn count_open_of(c: &mut impl Exec, member: UserId, now: i64) -> Result<u64> {
    let n: i64 = query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM offers
         WHERE state = 'open' AND expires_at > $2 AND (seller_id = $1 OR buyer_id = $1)",
        member.get(),
        now
    )?;
    Ok(u64::try_from(n).unwrap_or(0))
}

/// The offer an order was placed on, if any.
pub async fn of_order(c: &mut impl Exec, order_id: OrderId) -> Result<Option<OfferRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        OfferRow,
        "SELECT id, consultation_id, version, listing_id, seller_id, buyer_id, title, included,
                price, delivery_days, revisions, state, decline_reason, expires_at, order_id,
                created_at, updated_at
         FROM offers WHERE order_id = $1",
        order_id.get()
    )?)
}
