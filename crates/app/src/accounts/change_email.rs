//! Changing the e-mail address: confirmed by a link sent to the new address; the old address
//! is told, so a hijacked session cannot quietly take the account.

use yorozu_domain::UserId;
use yorozu_domain::accounts::Email;
use yorozu_store::accounts::users;

use crate::accounts::{CurrentUser, api_tokens, purpose, tokens};
use crate::crypto::verify_password;
use crate::mail::{MailCategory, compose::compose, outbox};
use crate::{App, AppError, AppResult, FieldError, Fields};

pub async fn request(
    app: &App,
    user: &CurrentUser,
    new_email: &str,
    password: &str,
) -> AppResult<()> {
    let mut fields = Fields::default();
    let new_email = fields.check("new_email", Email::parse(new_email));
    let new_email = fields.finish(new_email)?;
    if new_email.as_str() == user.email {
        return Err(AppError::Invalid(vec![FieldError::new(
            "new_email",
            "email-unchanged",
        )]));
    }
    check_password(&mut app.db.read().await?, user.id, password).await?;
    let mut tx = app.db.begin().await?;
    if users::find_by_email(&mut tx, new_email.as_str())
        .await?
        .is_some()
    {
        return Err(AppError::Invalid(vec![FieldError::new(
            "new_email",
            "email-taken",
        )]));
    }
    let ttl = app.policy.confirm_token_hours * 3600;
    let token = tokens::issue(
        &mut tx,
        app,
        user.id,
        purpose::CHANGE_EMAIL,
        Some(new_email.as_str()),
        ttl,
    )
    .await?;
    let link = app.url(&format!("/account/email/confirm?token={token}"));
    let to_new = compose(
        user.locale,
        "change-email",
        new_email.as_str(),
        Some(user.id),
        &[
            ("link", link.into()),
            ("hours", app.policy.confirm_token_hours.into()),
        ],
    );
    outbox::enqueue(&mut tx, app, MailCategory::Account, to_new).await?;
    let to_old = compose(
        user.locale,
        "change-email-notice",
        &user.email,
        Some(user.id),
        &[("new_email", new_email.as_str().into())],
    );
    outbox::enqueue(&mut tx, app, MailCategory::Account, to_old).await?;
    tx.commit().await?;
    Ok(())
}

/// Applies the change if the address is still free, and revokes every API token in the same
/// transaction (whoever set up access before the change loses it).
pub async fn confirm(app: &App, token: &str) -> AppResult<UserId> {
    let mut tx = app.db.begin().await?;
    let row = tokens::redeem(&mut tx, app, token, purpose::CHANGE_EMAIL).await?;
    let new_email = row.new_email.ok_or(AppError::LinkInvalid("link-unknown"))?;
    let now = app.now();
    match users::set_email(&mut tx, row.user_id, &new_email, now).await {
        Err(e) if e.unique_violation() => return Err(AppError::Conflict("email-taken")),
        other => other?,
    }
    api_tokens::revoke_all(&mut tx, row.user_id, now).await?;
    tx.commit().await?;
    Ok(row.user_id)
}

/// Re-entering the password guards every sensitive change.
pub(crate) async fn check_password(
    c: &mut impl yorozu_store::Exec,
    user_id: UserId,
    password: &str,
) -> AppResult<()> {
    let user = users::find(c, user_id).await?.ok_or(AppError::NotFound)?;
    let ok = user
        .password_hash
        .as_deref()
        .is_some_and(|h| verify_password(password, h));
    if ok {
        Ok(())
    } else {
        Err(AppError::Invalid(vec![FieldError::new(
            "current_password",
            "password-wrong",
        )]))
    }
}
