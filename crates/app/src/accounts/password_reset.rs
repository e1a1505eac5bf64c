//! Resetting a forgotten password through a mailed link.

use yorozu_domain::UserId;
use yorozu_domain::accounts::AccountStatus;
use yorozu_domain::accounts::{Email, NewPassword};
use yorozu_store::accounts::{email_tokens, sessions, users};

use yorozu_store::withdrawal::withdrawals;

use crate::accounts::sign_in::WITHDRAWAL_FINAL;
use crate::accounts::throttle::{self, Bucket};
use crate::accounts::{Client, api_tokens, purpose, tokens};
use crate::crypto::hash_password;
use crate::mail::{
    MailCategory,
    compose::{compose, locale_of},
    outbox,
};
use crate::orders::notify::mail_time;
use crate::withdrawal::undo::{self, Undo};
use crate::{App, AppError, AppResult, Fields};

/// Minimum time between two reset mails to the same member.
const RESEND_INTERVAL_SECONDS: i64 = 120;

/// Mails a reset link if the address belongs to an active account. The caller shows the same
/// message either way, so the form does not reveal who is a member. Requests are limited
/// per client address, so the form cannot flood strangers' mailboxes.
pub async fn request(app: &App, email: &str, client: &Client) -> AppResult<()> {
    let mut fields = Fields::default();
    let email = fields.check("email", Email::parse(email));
    let email = fields.finish(email)?;
    throttle::count_mail_request(app, Bucket::PasswordReset, &client.ip).await?;
    let mut tx = app.db.begin().await?;
    let Some(user) = users::find_by_email(&mut tx, email.as_str()).await? else {
        return Ok(());
    };
    // A member in a withdrawal's grace period may have forgotten the password they need to
    // undo it: the link is mailed, saying that using it undoes the withdrawal. After the
    // grace period, or with erasure now, nothing is mailed (the withdrawal is final).
    let undo_until = match user.status {
        AccountStatus::Active => None,
        AccountStatus::Closed => match withdrawals::open_for(&mut tx, user.id).await? {
            Some(w) if undo::can_undo(&w, app.now()) => w.purge_at,
            _ => return Ok(()),
        },
        AccountStatus::Purged => return Ok(()),
    };
    // One mail per address per few minutes: the form must not become a way to flood someone.
    let recent = email_tokens::latest_created_at(&mut tx, user.id, purpose::RESET).await?;
    if recent.is_some_and(|at| app.now() - at < RESEND_INTERVAL_SECONDS) {
        return Ok(());
    }
    let ttl = app.policy.reset_token_minutes * 60;
    let token = tokens::issue(&mut tx, app, user.id, purpose::RESET, None, ttl).await?;
    let link = app.url(&format!("/account/reset?token={token}"));
    let mut args = vec![
        ("link", link.into()),
        ("minutes", app.policy.reset_token_minutes.into()),
    ];
    if let Some(until) = undo_until {
        args.push(("until", mail_time(until)));
        let mail = compose(
            locale_of(&user.locale),
            "reset-undo",
            email.as_str(),
            Some(user.id),
            &args,
        );
        outbox::enqueue_to_closed_account(&mut tx, app, mail).await?;
    } else {
        let mail = compose(
            locale_of(&user.locale),
            "reset",
            email.as_str(),
            Some(user.id),
            &args,
        );
        outbox::enqueue(&mut tx, app, MailCategory::Account, mail).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// A password that was reset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reset {
    pub user_id: UserId,
    /// The reset undid a withdrawal in its grace period (the page says so).
    pub reopened: bool,
}

/// Whether the reset link `token` would undo a withdrawal, for the form to say so before.
/// Does not use the link up; an unusable link says false (the reset itself will tell why).
pub async fn undoes_withdrawal(app: &App, token: &str) -> AppResult<bool> {
    let mut c = app.db.read().await?;
    let Some(row) = tokens::peek(&mut c, app, token, purpose::RESET).await? else {
        return Ok(false);
    };
    let Some(user) = users::find(&mut c, row.user_id).await? else {
        return Ok(false);
    };
    if user.status != AccountStatus::Closed {
        return Ok(false);
    }
    let withdrawal = withdrawals::open_for(&mut c, user.id).await?;
    Ok(withdrawal.is_some_and(|w| undo::can_undo(&w, app.now())))
}

/// Sets the new password, signs out every session, revokes every API token and lifts any
/// sign-in throttle, all in one transaction. During a withdrawal's grace period it also undoes
/// the withdrawal; after it, the link is refused.
pub async fn reset(app: &App, token: &str, new_password: &str) -> AppResult<Reset> {
    let mut tx = app.db.begin().await?;
    let row = tokens::redeem(&mut tx, app, token, purpose::RESET).await?;
    let user = users::find(&mut tx, row.user_id)
        .await?
        .ok_or(AppError::LinkInvalid("link-unknown"))?;
    let reopened = match user.status {
        AccountStatus::Active => false,
        AccountStatus::Closed => match undo::reopen_in(&mut tx, app, user.id).await? {
            Undo::Reopened => true,
            Undo::Final { .. } => return Err(AppError::Conflict(WITHDRAWAL_FINAL)),
            Undo::Nothing => return Err(AppError::LinkInvalid("link-unknown")),
        },
        AccountStatus::Purged => return Err(AppError::LinkInvalid("link-unknown")),
    };
    let email = user.email.as_deref().and_then(|e| Email::parse(e).ok());
    let mut fields = Fields::default();
    let password = fields.check("password", NewPassword::parse(new_password, email.as_ref()));
    // Dropping `tx` on error rolls back, so the link stays usable after a rejected password.
    let password = fields.finish(password)?;
    let hash = hash_password(password.expose()).map_err(|e| AppError::Internal(e.to_string()))?;
    let now = app.now();
    users::set_password_hash(&mut tx, row.user_id, &hash, now).await?;
    // Whoever forgot the password may also have lost a device: end every session.
    sessions::delete_all_for_user(&mut tx, row.user_id, None).await?;
    api_tokens::revoke_all(&mut tx, row.user_id, now).await?;
    if let Some(email) = &email {
        let email_hash = app.signer.email_hash(email.as_str());
        throttle::clear_address(&mut tx, &email_hash).await?;
    }
    let mail = compose(
        locale_of(&user.locale),
        "password-changed",
        user.email.as_deref().unwrap_or(""),
        Some(row.user_id),
        &[],
    );
    outbox::enqueue(&mut tx, app, MailCategory::Account, mail).await?;
    tx.commit().await?;
    Ok(Reset {
        user_id: row.user_id,
        reopened,
    })
}
