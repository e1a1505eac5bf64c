//! Friend invitations (友達招待): each member has an invite link (`/invite/{code}`); a visitor
//! who signs up after following it is recorded as invited by its owner (`invited_by`), and
//! when the invited member's first purchase completes both receive points
//! (友達招待特典) — in the completion's transaction, once per invited member ever (the key of
//! `invite_rewards`), the inviter's part within a monthly cap.

use yorozu_domain::Timestamp;
use yorozu_domain::UserId;
use yorozu_domain::accounts::AccountStatus;
use yorozu_domain::payouts::schedule::Date;
use yorozu_domain::promotions::{PointKind, Points};
use yorozu_store::accounts::users;
use yorozu_store::invitations::{self, RewardRow};
use yorozu_store::orders::OrderRow;
use yorozu_store::promotions::points::{self, PointEntryRow};
use yorozu_store::{Exec, profiles};

use crate::accounts::CurrentUser;
use crate::{App, AppError, AppResult};

/// Characters of an invite code (base64url, 72 random bits).
const CODE_LEN: usize = 12;

/// What the member's invite page shows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MyInvite {
    pub code: String,
    /// The full link to share.
    pub url: String,
    /// Members who signed up through the link.
    pub invited: i64,
    /// Of them, those whose first purchase completed (a reward was booked).
    pub rewarded: i64,
    /// Points each side receives now (from configuration).
    pub inviter_points: i64,
    pub invitee_points: i64,
    pub monthly_cap: i64,
}

/// The member's invite link, made on first use.
pub async fn mine(app: &App, member: &CurrentUser) -> AppResult<MyInvite> {
    let code = code_of(app, member.id).await?;
    let mut c = app.db.read().await?;
    let (invited, rewarded) = invitations::counts_of(&mut c, member.id).await?;
    Ok(MyInvite {
        url: app.url(&format!("/invite/{code}")),
        code,
        invited,
        rewarded,
        inviter_points: app.policy.invite_reward_inviter_points,
        invitee_points: app.policy.invite_reward_invitee_points,
        monthly_cap: app.policy.invite_reward_monthly_cap,
    })
}

/// The member's code, made (random) if they have none yet.
async fn code_of(app: &App, member: UserId) -> AppResult<String> {
    {
        let mut c = app.db.read().await?;
        if let Some(code) = invitations::code_of(&mut c, member).await? {
            return Ok(code);
        }
    }
    let mut tx = app.db.begin().await?;
    // Taken codes (all but impossible at 72 bits) and a concurrent first visit both end in
    // reading whatever is stored now.
    for _ in 0..3 {
        let candidate: String = crate::crypto::random_token()
            .chars()
            .take(CODE_LEN)
            .collect();
        invitations::insert_code(&mut tx, member, &candidate, app.now()).await?;
        if let Some(code) = invitations::code_of(&mut tx, member).await? {
            tx.commit().await?;
            return Ok(code);
        }
    }
    Err(AppError::Internal("no invite code could be stored".into()))
}

/// Whether `code` is a usable invite code (its owner is an active member), for the visit of
/// an invite link; `viewer` is the signed-in visitor, whose own code is refused.
pub async fn check_code(app: &App, code: &str, viewer: Option<&CurrentUser>) -> AppResult<UserId> {
    if code.is_empty() || code.len() > 64 {
        return Err(AppError::NotFound);
    }
    let mut c = app.db.read().await?;
    let inviter = invitations::inviter_by_code(&mut c, code)
        .await?
        .ok_or(AppError::NotFound)?;
    if viewer.is_some_and(|v| v.id == inviter) {
        return Err(AppError::Conflict("invite-own-code"));
    }
    Ok(inviter)
}

/// Records that the new member `invitee` signed up through `code` (`invited_by`). Refused for
/// an unknown code and for the member's own code; a member is recorded once.
pub async fn record_sign_up(app: &App, invitee: UserId, code: &str) -> AppResult<bool> {
    let mut tx = app.db.begin().await?;
    let inviter = invitations::inviter_by_code(&mut tx, code)
        .await?
        .ok_or(AppError::NotFound)?;
    if inviter == invitee {
        return Err(AppError::Conflict("invite-own-code"));
    }
    let recorded = invitations::record(&mut tx, app.new_id(), invitee, inviter, app.now()).await?;
    tx.commit().await?;
    Ok(recorded)
}

/// Who invited the member, if anyone (and they are still there).
pub async fn invited_by(app: &App, member: UserId) -> AppResult<Option<UserId>> {
    let mut c = app.db.read().await?;
    Ok(invitations::invited_by(&mut c, member).await?)
}

/// The first instant of the calendar month (in Japan) that contains `now`.
fn month_start(now: i64) -> i64 {
    let today = Date::in_japan(Timestamp::from_unix(now));
    Date::new(today.year, today.month, 1)
        .unwrap_or(today)
        .start_in_japan()
        .unix()
}

/// The address an invitation reward is remembered by: lower-cased, without a `+tag` in the
/// local part (`Taro+2@Example.jp` is `taro@example.jp`), so that one mailbox's aliases are
/// one person.
fn reward_address(email: &str) -> String {
    let email = email.trim().to_lowercase();
    match email.rsplit_once('@') {
        Some((local, domain)) => {
            let local = local.split('+').next().unwrap_or(local);
            format!("{local}@{domain}")
        }
        None => email,
    }
}

/// Part of an order's completion, in its transaction: the first completed purchase of an
/// invited member from a seller other than the inviter books both rewards. The reward row's key (the invitee) makes a second
/// completion — concurrent or later — book nothing. The inviter's share is skipped when they
/// are no longer active or their monthly cap is reached.
pub(crate) async fn order_completed(
    c: &mut impl Exec,
    app: &App,
    order: &OrderRow,
) -> AppResult<()> {
    let invitee = order.buyer_id;
    if !invitations::was_invited(c, invitee).await? {
        return Ok(());
    }
    let now = app.now();
    let inviter = invitations::invited_by(c, invitee).await?;
    // A purchase of the inviter's own service earns nothing: the two could otherwise turn the
    // points into the inviter's sales. The first completed purchase from another seller does.
    if inviter == Some(order.seller_id) {
        return Ok(());
    }
    let mut inviter_points = 0;
    if let Some(inviter) = inviter {
        let active = users::find(c, inviter)
            .await?
            .is_some_and(|u| u.status == AccountStatus::Active);
        let this_month =
            invitations::lock_inviter_rewards_since(c, inviter, month_start(now)).await?;
        if active && this_month < app.policy.invite_reward_monthly_cap {
            inviter_points = app.policy.invite_reward_inviter_points.max(0);
        }
    }
    let invitee_points = app.policy.invite_reward_invitee_points.max(0);
    let address = users::find(c, invitee)
        .await?
        .and_then(|u| u.email)
        .map(|email| app.signer.email_hash(&reward_address(&email)));
    let booked = invitations::insert_reward(
        c,
        &RewardRow {
            id: app.new_id(),
            invitee_id: invitee,
            inviter_id: inviter,
            order_id: order.id,
            invitee_points,
            inviter_points,
            created_at: now,
        },
        address.as_deref(),
    )
    .await?;
    if !booked {
        return Ok(());
    }
    let shares = [(Some(invitee), invitee_points), (inviter, inviter_points)];
    for (user_id, amount) in shares {
        if let Some(user_id) = user_id
            && amount > 0
        {
            // Not tied to the order: the order's own point entries (a use, its restoration)
            // are keyed by order and kind, and these two would share both.
            points::insert(
                c,
                &PointEntryRow {
                    id: app.new_id(),
                    user_id,
                    kind: PointKind::InviteReward,
                    amount: Points::new(amount),
                    order_id: None,
                    note: String::new(),
                    created_at: now,
                },
            )
            .await?;
        }
    }
    Ok(())
}

/// One reward as the member's export and pages show it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Reward {
    /// The member was the inviter (else the invited member).
    pub as_inviter: bool,
    pub points: i64,
    pub at: i64,
}

/// The rewards the member received, newest first.
pub async fn rewards_of(app: &App, member: UserId) -> AppResult<Vec<Reward>> {
    let mut c = app.db.read().await?;
    let rows = invitations::rewards_of(&mut c, member).await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let as_inviter = r.inviter_id == Some(member);
            Reward {
                as_inviter,
                points: if as_inviter {
                    r.inviter_points
                } else {
                    r.invitee_points
                },
                at: r.created_at,
            }
        })
        .collect())
}

/// One inviter on the operators' page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Inviter {
    pub user_id: UserId,
    pub display_name: String,
    pub invited: i64,
    pub rewarded: i64,
}

/// The invitation graph's counts for operators.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Graph {
    pub invitations: i64,
    pub rewards: i64,
    pub inviters: Vec<Inviter>,
}

pub async fn graph(app: &App, operator: &CurrentUser) -> AppResult<Graph> {
    if !operator.is_operator() {
        return Err(AppError::Forbidden);
    }
    let mut c = app.db.read().await?;
    let (invitations, rewards) = invitations::totals(&mut c).await?;
    let rows = invitations::graph_counts(&mut c, 200).await?;
    Ok(Graph {
        invitations,
        rewards,
        inviters: rows
            .into_iter()
            .map(|r| Inviter {
                user_id: r.inviter_id,
                display_name: r.display_name,
                invited: r.invited,
                rewarded: r.rewarded,
            })
            .collect(),
    })
}

/// The inviter's display name (for the invite landing page).
pub async fn inviter_name(app: &App, inviter: UserId) -> AppResult<String> {
    let mut c = app.db.read().await?;
    Ok(profiles::find(&mut c, inviter)
        .await?
        .map(|p| p.display_name)
        .unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::reward_address;

    #[test]
    fn a_mailboxs_aliases_are_one_address() {
        assert_eq!(reward_address(" Taro+2@Example.JP "), "taro@example.jp");
        assert_eq!(reward_address("taro@example.jp"), "taro@example.jp");
        assert_eq!(reward_address("a+b+c@example.jp"), "a@example.jp");
        assert_ne!(reward_address("taro2@example.jp"), "taro@example.jp");
    }
}
