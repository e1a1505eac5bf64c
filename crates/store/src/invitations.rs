//! Invitations (友達招待): invite codes, who invited whom (`invited_by`) and the one reward per
//! invitee.

use yorozu_domain::{OrderId, UserId};

use crate::{Exec, Result, execute, query_as, query_scalar};

/// The member's invite code, if made.
pub async fn code_of(c: &mut impl Exec, user_id: UserId) -> Result<Option<String>> {
    Ok(query_scalar!(
        c,
        fetch_optional,
        String,
        "SELECT code FROM invite_codes WHERE user_id = $1",
        user_id.get()
    )?)
}

/// Stores a code for the member unless they have one; false if they had (or the random
/// code was taken, which the caller retries).
pub async fn insert_code(c: &mut impl Exec, user_id: UserId, code: &str, now: i64) -> Result<bool> {
    let n = execute!(
        c,
        "INSERT INTO invite_codes (user_id, code, rewards, created_at) VALUES ($1, $2, 0, $3)
         ON CONFLICT DO NOTHING",
        user_id.get(),
        code,
        now
    )?;
    Ok(n == 1)
}

/// The active member whose code this is.
pub async fn inviter_by_code(c: &mut impl Exec, code: &str) -> Result<Option<UserId>> {
    let id: Option<i64> = query_scalar!(
        c,
        fetch_optional,
        i64,
        "SELECT i.user_id FROM invite_codes i JOIN users u ON u.id = i.user_id
         WHERE i.code = $1 AND u.status = 'active'",
        code
    )?;
    Ok(id.map(UserId::new))
}

/// Records who invited the new member; false if something was recorded already.
pub async fn record(
    c: &mut impl Exec,
    id: i64,
    invitee: UserId,
    inviter: UserId,
    now: i64,
) -> Result<bool> {
    let n = execute!(
        c,
        "INSERT INTO invitations (invitee_id, id, inviter_id, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING",
        invitee.get(),
        id,
        inviter.get(),
        now
    )?;
    Ok(n == 1)
}

/// Who invited the member (`invited_by`), if anyone still there.
pub async fn invited_by(c: &mut impl Exec, invitee: UserId) -> Result<Option<UserId>> {
    let id: Option<Option<i64>> = query_scalar!(
        c,
        fetch_optional,
        Option<i64>,
        "SELECT inviter_id FROM invitations WHERE invitee_id = $1",
        invitee.get()
    )?;
    Ok(id.flatten().map(UserId::new))
}

/// Whether the member was invited (even if the inviter has since left).
pub async fn was_invited(c: &mut impl Exec, invitee: UserId) -> Result<bool> {
    let n: i64 = query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM invitations WHERE invitee_id = $1",
        invitee.get()
    )?;
    Ok(n > 0)
}

/// Takes the inviter's code row for the rest of the transaction (PostgreSQL locks it; SQLite
/// writes one at a time anyway) and returns how many rewards they were booked since `since`.
pub async fn lock_inviter_rewards_since(
    c: &mut impl Exec,
    inviter: UserId,
    since: i64,
) -> Result<i64> {
    execute!(
        c,
        "UPDATE invite_codes SET rewards = rewards WHERE user_id = $1",
        inviter.get()
    )?;
    Ok(query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM invite_rewards
         WHERE inviter_id = $1 AND inviter_points > 0 AND created_at >= $2",
        inviter.get(),
        since
    )?)
}

/// A booked reward.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RewardRow {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub invitee_id: UserId,
    #[sqlx(try_from = "crate::OptionalId")]
    pub inviter_id: Option<UserId>,
    #[sqlx(try_from = "i64")]
    pub order_id: OrderId,
    pub invitee_points: i64,
    pub inviter_points: i64,
    pub created_at: i64,
}

/// Records the invitee's reward; false when they already had one, or when one was booked
/// for the same address (`invitee_address`, a keyed hash) under an earlier account (then
/// nothing may be booked: the keys on `invitee_id` and `invitee_address` are what make a
/// reward once per member and once per address, ever).
pub async fn insert_reward(
    c: &mut impl Exec,
    r: &RewardRow,
    invitee_address: Option<&str>,
) -> Result<bool> {
    let n = execute!(
        c,
        "INSERT INTO invite_rewards (invitee_id, id, inviter_id, order_id, invitee_points,
             inviter_points, created_at, invitee_address)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING",
        r.invitee_id.get(),
        r.id,
        r.inviter_id.map(UserId::get),
        r.order_id.get(),
        r.invitee_points,
        r.inviter_points,
        r.created_at,
        invitee_address
    )?;
    if n == 1
        && let Some(inviter) = r.inviter_id
    {
        execute!(
            c,
            "UPDATE invite_codes SET rewards = rewards + 1 WHERE user_id = $1",
            inviter.get()
        )?;
    }
    Ok(n == 1)
}

/// The rewards the member received as invitee or inviter, newest first.
pub async fn rewards_of(c: &mut impl Exec, member: UserId) -> Result<Vec<RewardRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        RewardRow,
        "SELECT id, invitee_id, inviter_id, order_id, invitee_points, inviter_points, created_at
         FROM invite_rewards WHERE invitee_id = $1 OR inviter_id = $1
         ORDER BY created_at DESC, invitee_id DESC",
        member.get()
    )?)
}

/// How many members the member invited, and how many of them brought a reward.
pub async fn counts_of(c: &mut impl Exec, inviter: UserId) -> Result<(i64, i64)> {
    Ok(query_as!(
        c,
        fetch_one,
        (i64, i64),
        "SELECT (SELECT COUNT(*) FROM invitations WHERE inviter_id = $1),
                (SELECT COUNT(*) FROM invite_rewards WHERE inviter_id = $1)",
        inviter.get()
    )?)
}

/// One inviter on the operators' page.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct InviterRow {
    #[sqlx(try_from = "i64")]
    pub inviter_id: UserId,
    pub display_name: String,
    pub invited: i64,
    pub rewarded: i64,
}

/// Inviters with the most invited members first: invited and rewarded counts (the graph's
/// counts; who was invited is not shown).
pub async fn graph_counts(c: &mut impl Exec, limit: i64) -> Result<Vec<InviterRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        InviterRow,
        "SELECT i.inviter_id, COALESCE(p.display_name, '') AS display_name,
                COUNT(*) AS invited,
                (SELECT COUNT(*) FROM invite_rewards r WHERE r.inviter_id = i.inviter_id) AS rewarded
         FROM invitations i LEFT JOIN profiles p ON p.user_id = i.inviter_id
         WHERE i.inviter_id IS NOT NULL
         GROUP BY i.inviter_id, p.display_name
         ORDER BY COUNT(*) DESC, i.inviter_id LIMIT $1",
        limit
    )?)
}

/// Totals over every invitation: (invitations, rewards).
pub async fn totals(c: &mut impl Exec) -> Result<(i64, i64)> {
    Ok(query_as!(
        c,
        fetch_one,
        (i64, i64),
        "SELECT (SELECT COUNT(*) FROM invitations), (SELECT COUNT(*) FROM invite_rewards)"
    )?)
}

/// The purge: the member's code goes, their own invitation row goes, and rows naming them
/// as inviter keep the invitee's side with the inviter cleared. Reward rows stay (tied to the
/// tombstone ids like the points entries they explain) with the member cleared as inviter.
pub async fn erase_member(c: &mut impl Exec, member: UserId) -> Result<u64> {
    let mut n = execute!(
        c,
        "DELETE FROM invite_codes WHERE user_id = $1",
        member.get()
    )?;
    n += execute!(
        c,
        "DELETE FROM invitations WHERE invitee_id = $1",
        member.get()
    )?;
    n += execute!(
        c,
        "UPDATE invitations SET inviter_id = NULL WHERE inviter_id = $1",
        member.get()
    )?;
    n += execute!(
        c,
        "UPDATE invite_rewards SET inviter_id = NULL WHERE inviter_id = $1",
        member.get()
    )?;
    Ok(n)
}
