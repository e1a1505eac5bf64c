//! Follows (フォロー): members follow sellers; a followed seller's new service reaches their
//! followers' notifications ([`fan_out`]); sellers see their follower count and who followed
//! them or favourited their services, unless a member switched off being listed.

pub mod fan_out;
pub mod job_kinds;

use yorozu_domain::UserId;
use yorozu_domain::accounts::AccountStatus;
use yorozu_store::accounts::users;
use yorozu_store::follows::{self, LISTED_TO_SELLERS};
use yorozu_store::moderation::suspensions;
use yorozu_store::notifications;

use crate::accounts::CurrentUser;
use crate::catalog::Seen;
use crate::{App, AppError, AppResult};

/// Most members a list shows.
const LIST_LIMIT: i64 = 500;

/// Follows or unfollows a seller; returns whether the member follows them now. Following
/// oneself is refused; so is following a withdrawn, purged or suspended member, or one with a
/// block between the two either way (unfollowing always works).
pub async fn set(
    app: &App,
    member: &CurrentUser,
    seller_id: UserId,
    follow: bool,
) -> AppResult<bool> {
    let mut tx = app.db.begin().await?;
    if follow {
        if seller_id == member.id {
            return Err(AppError::Conflict("follow-self"));
        }
        let seller = users::find(&mut tx, seller_id)
            .await?
            .ok_or(AppError::NotFound)?;
        if seller.status != AccountStatus::Active {
            return Err(AppError::NotFound);
        }
        if suspensions::in_force(&mut tx, seller_id).await?.is_some() {
            return Err(AppError::Conflict("follow-seller-unavailable"));
        }
        // A block either way ends following (see `safety::blocks::block`) and refuses it.
        if yorozu_store::safety::blocks::between(&mut tx, member.id, seller_id).await? {
            return Err(AppError::Conflict("follow-blocked"));
        }
        follows::add(&mut tx, app.new_id(), member.id, seller_id, app.now()).await?;
    } else {
        follows::remove(&mut tx, member.id, seller_id).await?;
    }
    tx.commit().await?;
    Ok(follow)
}

/// Whether the member follows the seller, from the catalogue cache when it knows (`seen`:
/// how far this request's process had applied the change log, [`crate::catalog::sync`]).
pub async fn is_following(
    app: &App,
    seen: Seen,
    member: &CurrentUser,
    seller_id: UserId,
) -> AppResult<bool> {
    if let Some(on) = app.catalog.follow_mark(member.id, seller_id) {
        return Ok(on);
    }
    let mut c = app.db.read().await?;
    let on = follows::is_following(&mut c, member.id, seller_id).await?;
    app.catalog
        .store_follow_mark(seen, member.id, seller_id, on);
    Ok(on)
}

/// How many active members follow the seller (public: the profile page shows it).
pub async fn follower_count(app: &App, seller_id: UserId) -> AppResult<i64> {
    let mut c = app.db.read().await?;
    Ok(follows::follower_count(&mut c, seller_id).await?)
}

/// A member on a seller's list: named only if they let sellers see them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Fan {
    /// `None` when the member switched off being listed (counted, not named).
    pub user_id: Option<UserId>,
    pub display_name: Option<String>,
    pub at: i64,
    /// The favourited service (favourites only).
    pub listing: Option<(yorozu_domain::ListingId, String)>,
}

impl From<follows::FanRow> for Fan {
    fn from(r: follows::FanRow) -> Fan {
        let listing = (r.listing_id != 0)
            .then(|| (yorozu_domain::ListingId::new(r.listing_id), r.listing_title));
        if r.listed {
            Fan {
                user_id: Some(r.user_id),
                display_name: Some(r.display_name),
                at: r.created_at,
                listing,
            }
        } else {
            Fan {
                user_id: None,
                display_name: None,
                at: r.created_at,
                listing,
            }
        }
    }
}

/// What a seller sees of their fans.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Fans {
    pub follower_count: i64,
    pub followers: Vec<Fan>,
    pub favouriters: Vec<Fan>,
}

/// The seller's followers and the members who favourited their services.
pub async fn fans(app: &App, seller: &CurrentUser) -> AppResult<Fans> {
    let mut c = app.db.read().await?;
    let follower_count = follows::follower_count(&mut c, seller.id).await?;
    let followers = follows::followers(&mut c, seller.id, LIST_LIMIT).await?;
    let favouriters = follows::favouriters(&mut c, seller.id, LIST_LIMIT).await?;
    Ok(Fans {
        follower_count,
        followers: followers.into_iter().map(Fan::from).collect(),
        favouriters: favouriters.into_iter().map(Fan::from).collect(),
    })
}

/// A seller the member follows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Followed {
    pub seller_id: UserId,
    pub display_name: String,
    pub since: i64,
}

/// The sellers the member follows, newest first.
pub async fn following(app: &App, member: &CurrentUser) -> AppResult<Vec<Followed>> {
    let mut c = app.db.read().await?;
    let rows = follows::following(&mut c, member.id, LIST_LIMIT).await?;
    Ok(rows
        .into_iter()
        .map(|r| Followed {
            seller_id: r.seller_id,
            display_name: r.display_name,
            since: r.created_at,
        })
        .collect())
}

/// Whether sellers see the member's name on their lists of followers and favouriters
/// (default: yes).
pub async fn listed_to_sellers(app: &App, member: &CurrentUser) -> AppResult<bool> {
    let mut c = app.db.read().await?;
    Ok(notifications::get(&mut c, member.id, LISTED_TO_SELLERS)
        .await?
        .unwrap_or(true))
}

/// Saves the privacy choice of [`listed_to_sellers`].
pub async fn set_listed_to_sellers(app: &App, member: &CurrentUser, listed: bool) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    notifications::set(&mut tx, member.id, LISTED_TO_SELLERS, listed, app.now()).await?;
    tx.commit().await?;
    Ok(())
}
