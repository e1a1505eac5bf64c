//! Blocks (ブロック): a member keeps another away. Between the two, no new orders either way
//! and no new messages outside orders in progress (those continue, with their talk room), and
//! neither sees the other's reviews in the review lists. Blocks are erased in both directions
//! when either member's data is purged.

use std::sync::Arc;

use yorozu_domain::UserId;
use yorozu_domain::accounts::AccountStatus;
use yorozu_store::Exec;
use yorozu_store::safety::blocks;

use crate::accounts::CurrentUser;
use crate::listings::search::SearchResults;
use crate::{App, AppError, AppResult};

/// Most blocks a member's list shows.
const LIST_LIMIT: i64 = 500;

/// A member the viewer blocks, as the settings list shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BlockedMember {
    pub user_id: UserId,
    /// `None` once the member has withdrawn.
    pub display_name: Option<String>,
    pub blocked_at: i64,
}

/// Blocks `other`, ending any follow between the two; returns false if it was blocked
/// already.
pub async fn block(app: &App, member: &CurrentUser, other: UserId) -> AppResult<bool> {
    if other == member.id {
        return Err(AppError::BadRequest("block-self"));
    }
    let mut tx = app.db.begin().await?;
    let user = yorozu_store::accounts::users::find(&mut tx, other)
        .await?
        .filter(|u| u.status != AccountStatus::Purged)
        .ok_or(AppError::NotFound)?;
    let added = blocks::add(&mut tx, member.id, user.id, app.now()).await?;
    // Neither follows the other any more: no new-service notices, no name on the fans list.
    yorozu_store::follows::remove(&mut tx, member.id, user.id).await?;
    yorozu_store::follows::remove(&mut tx, user.id, member.id).await?;
    tx.commit().await?;
    Ok(added)
}

/// Lifts the block on `other`; returns false if there was none.
pub async fn unblock(app: &App, member: &CurrentUser, other: UserId) -> AppResult<bool> {
    let mut tx = app.db.begin().await?;
    let removed = blocks::remove(&mut tx, member.id, other).await?;
    tx.commit().await?;
    Ok(removed)
}

/// Whether the member blocks `other` (for the block / unblock button).
pub async fn is_blocking(app: &App, member: &CurrentUser, other: UserId) -> AppResult<bool> {
    let mut c = app.db.read().await?;
    Ok(blocks::blocks(&mut c, member.id, other).await?)
}

/// The members the member blocks, newest first.
pub async fn list(app: &App, member: &CurrentUser) -> AppResult<Vec<BlockedMember>> {
    let mut c = app.db.read().await?;
    Ok(blocks::list(&mut c, member.id, LIST_LIMIT)
        .await?
        .into_iter()
        .map(|r| BlockedMember {
            user_id: r.blocked_id,
            display_name: r.display_name,
            blocked_at: r.created_at,
        })
        .collect())
}

/// Members whose reviews and services `viewer` does not see: those they block and those who
/// block them. Empty for visitors. Kept in the catalogue cache: a block names both members in
/// the change log, so every process drops the two lists at once.
pub async fn hidden_from(app: &App, viewer: Option<&CurrentUser>) -> AppResult<Arc<Vec<UserId>>> {
    let Some(viewer) = viewer else {
        return Ok(Arc::default());
    };
    let seen = crate::catalog::sync(app).await?;
    if let Some(hidden) = app.catalog.hidden_from(viewer.id) {
        return Ok(hidden);
    }
    let mut c = app.db.read().await?;
    let hidden = Arc::new(blocks::either_way(&mut c, viewer.id).await?);
    app.catalog
        .store_hidden_from(seen, viewer.id, hidden.clone());
    Ok(hidden)
}

/// A page of search results without the services of members the viewer blocks or is blocked
/// by. The results are shared between visitors (cached per query), so the page is filtered
/// afterwards: it may show fewer cards than a full page, and the counts stay those of the
/// query.
pub async fn without_hidden_sellers(
    app: &App,
    viewer: Option<&CurrentUser>,
    results: Arc<SearchResults>,
) -> AppResult<Arc<SearchResults>> {
    let hidden = hidden_from(app, viewer).await?;
    if !results.cards.iter().any(|c| hidden.contains(&c.seller_id)) {
        return Ok(results);
    }
    let mut page = (*results).clone();
    let (cards, highlights) = page
        .cards
        .into_iter()
        .zip(page.highlights)
        .filter(|(card, _)| !hidden.contains(&card.seller_id))
        .unzip();
    page.cards = cards;
    page.highlights = highlights;
    Ok(Arc::new(page))
}

/// Refuses a new order between two members when either blocks the other (both directions,
/// `order-blocked`).
pub(crate) async fn check_can_order(
    c: &mut impl Exec,
    buyer: UserId,
    seller: UserId,
) -> AppResult<()> {
    if blocks::between(c, buyer, seller).await? {
        return Err(AppError::Conflict("order-blocked"));
    }
    Ok(())
}

/// Refuses a new message between blocked members unless the order is still in progress
/// (`talk-blocked`): orders in progress continue, a finished order's room takes no more.
pub(crate) async fn check_can_message(
    c: &mut impl Exec,
    author: UserId,
    counterpart: UserId,
    order_in_progress: bool,
) -> AppResult<()> {
    if !order_in_progress && blocks::between(c, author, counterpart).await? {
        return Err(AppError::Conflict("talk-blocked"));
    }
    Ok(())
}
