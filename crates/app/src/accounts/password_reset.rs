//! Resetting a forgotten password through a mailed link.

use yorozu_domain::accounts::{Email, NewPassword};
use yorozu_store::accounts::{email_tokens, sessions, sign_in_failures, users};

use crate::accounts::throttle::{self, Bucket};
use crate::accounts::{Client, api_tokens, purpose, tokens};
use crate::crypto::hash_password;
use crate::mail::{
    MailCategory,
    compose::{compose, locale_of},
    outbox,
};
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
    if user.status != "active" {
        return Ok(());
    }
    // One mail per address per few minutes: the form must not become a way to flood someone.
    let recent = email_tokens::latest_created_at(&mut tx, user.id, purpose::RESET).await?;
    if recent.is_some_and(|at| app.now() - at < RESEND_INTERVAL_SECONDS) {
        return Ok(());
    }
    let ttl = app.policy.reset_token_minutes * 60;
    let token = tokens::issue(&mut tx, app, user.id, purpose::RESET, None, ttl).await?;
    let link = app.url(&format!("/account/reset?token={token}"));
    let mail = compose(
        locale_of(&user.locale),
        "reset",
        email.as_str(),
        Some(user.id),
        &[
            ("link", link.into()),
            ("minutes", app.policy.reset_token_minutes.into()),
        ],
    );
    outbox::enqueue(&mut tx, app, MailCategory::Account, mail).await?;
    tx.commit().await?;
    Ok(())
}

/// Sets the new password, signs out every session, revokes every API token and lifts any
/// sign-in throttle, all in one transaction.
pub async fn reset(app: &App, token: &str, new_password: &str) -> AppResult<i64> {
    let mut tx = app.db.begin().await?;
    let row = tokens::redeem(&mut tx, app, token, purpose::RESET).await?;
    let user = users::find(&mut tx, row.user_id)
        .await?
        .ok_or(AppError::LinkInvalid("link-unknown"))?;
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
        sign_in_failures::clear_for_email(&mut tx, &email_hash).await?;
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
    Ok(row.user_id)
}
