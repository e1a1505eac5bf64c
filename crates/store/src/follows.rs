//! Follows (フォロー): a member follows a seller. Counts and lists name only active members;
//! a member who switched off being listed (`privacy.listed_to_sellers` in
//! `notification_settings`, default on) is counted but comes back without a name.

use yorozu_domain::UserId;

use crate::{Exec, Result, execute, query_as, query_scalar};

/// The privacy setting's key in `notification_settings` (unset = listed).
pub const LISTED_TO_SELLERS: &str = "privacy.listed_to_sellers";

/// Adds a follow; false if it was already there.
pub async fn add(
    c: &mut impl Exec,
    id: i64,
    follower: UserId,
    seller: UserId,
    now: i64,
) -> Result<bool> {
    let n = execute!(
        c,
        "INSERT INTO follows (id, follower_id, seller_id, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (follower_id, seller_id) DO NOTHING",
        id,
        follower.get(),
        seller.get(),
        now
    )?;
    Ok(n == 1)
}

/// Removes a follow; false if there was none.
pub async fn remove(c: &mut impl Exec, follower: UserId, seller: UserId) -> Result<bool> {
    let n = execute!(
        c,
        "DELETE FROM follows WHERE follower_id = $1 AND seller_id = $2",
        follower.get(),
        seller.get()
    )?;
    Ok(n == 1)
}

pub async fn is_following(c: &mut impl Exec, follower: UserId, seller: UserId) -> Result<bool> {
    let n: i64 = query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM follows WHERE follower_id = $1 AND seller_id = $2",
        follower.get(),
        seller.get()
    )?;
    Ok(n > 0)
}

/// How many active members follow the seller.
pub async fn follower_count(c: &mut impl Exec, seller: UserId) -> Result<i64> {
    Ok(query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM follows f JOIN users u ON u.id = f.follower_id
         WHERE f.seller_id = $1 AND u.status = 'active'",
        seller.get()
    )?)
}

/// One member on a seller's list of followers or favouriters.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct FanRow {
    #[sqlx(try_from = "i64")]
    pub user_id: UserId,
    pub display_name: String,
    /// The member lets sellers see their name.
    pub listed: bool,
    pub created_at: i64,
    /// The favourited service's id and title (favourites only; 0 and empty for follows).
    pub listing_id: i64,
    pub listing_title: String,
}

/// The seller's active followers, newest first.
pub async fn followers(c: &mut impl Exec, seller: UserId, limit: i64) -> Result<Vec<FanRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        FanRow,
        "SELECT f.follower_id AS user_id, COALESCE(p.display_name, '') AS display_name,
                COALESCE(s.enabled, TRUE) AS listed, f.created_at,
                CAST(0 AS BIGINT) AS listing_id, '' AS listing_title
         FROM follows f
         JOIN users u ON u.id = f.follower_id AND u.status = 'active'
         LEFT JOIN profiles p ON p.user_id = f.follower_id
         LEFT JOIN notification_settings s ON s.user_id = f.follower_id AND s.category = $2
         WHERE f.seller_id = $1
         ORDER BY f.created_at DESC, f.follower_id DESC LIMIT $3",
        seller.get(),
        LISTED_TO_SELLERS,
        limit
    )?)
}

/// Active members who favourited the seller's services (not deleted), newest first.
pub async fn favouriters(c: &mut impl Exec, seller: UserId, limit: i64) -> Result<Vec<FanRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        FanRow,
        "SELECT v.user_id, COALESCE(p.display_name, '') AS display_name,
                COALESCE(s.enabled, TRUE) AS listed, v.created_at,
                l.id AS listing_id, l.title AS listing_title
         FROM favorites v
         JOIN listings l ON l.id = v.listing_id AND l.seller_id = $1 AND l.status <> 'deleted'
         JOIN users u ON u.id = v.user_id AND u.status = 'active'
         LEFT JOIN profiles p ON p.user_id = v.user_id
         LEFT JOIN notification_settings s ON s.user_id = v.user_id AND s.category = $2
         ORDER BY v.created_at DESC, v.user_id DESC LIMIT $3",
        seller.get(),
        LISTED_TO_SELLERS,
        limit
    )?)
}

/// One seller the member follows.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct FollowedRow {
    #[sqlx(try_from = "i64")]
    pub seller_id: UserId,
    pub display_name: String,
    pub created_at: i64,
}

/// The active sellers the member follows, newest first.
pub async fn following(
    c: &mut impl Exec,
    follower: UserId,
    limit: i64,
) -> Result<Vec<FollowedRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        FollowedRow,
        "SELECT f.seller_id, COALESCE(p.display_name, '') AS display_name, f.created_at
         FROM follows f
         JOIN users u ON u.id = f.seller_id AND u.status = 'active'
         LEFT JOIN profiles p ON p.user_id = f.seller_id
         WHERE f.follower_id = $1
         ORDER BY f.created_at DESC, f.seller_id DESC LIMIT $2",
        follower.get(),
        limit
    )?)
}

/// A page of the seller's followers' ids after `after` (for the fan-out job), active only.
pub async fn follower_ids_after(
    c: &mut impl Exec,
    seller: UserId,
    after: i64,
    limit: i64,
) -> Result<Vec<UserId>> {
    let ids: Vec<i64> = query_scalar!(
        c,
        fetch_all,
        i64,
        "SELECT f.follower_id FROM follows f JOIN users u ON u.id = f.follower_id
         WHERE f.seller_id = $1 AND f.follower_id > $2 AND u.status = 'active'
         ORDER BY f.follower_id LIMIT $3",
        seller.get(),
        after,
        limit
    )?;
    Ok(ids.into_iter().map(UserId::new).collect())
}

/// Erases up to `limit` of the member's follows each way (the purge, in batches: a popular
/// seller has thousands of followers); returns how many went.
pub async fn erase_member(c: &mut impl Exec, member: UserId, limit: i64) -> Result<u64> {
    let following = execute!(
        c,
        "DELETE FROM follows WHERE follower_id = $1 AND seller_id IN
           (SELECT seller_id FROM follows WHERE follower_id = $1 LIMIT $2)",
        member.get(),
        limit
    )?;
    let followers = execute!(
        c,
        "DELETE FROM follows WHERE seller_id = $1 AND follower_id IN
           (SELECT follower_id FROM follows WHERE seller_id = $1 LIMIT $2)",
        member.get(),
        limit
    )?;
    Ok(following + followers)
}
