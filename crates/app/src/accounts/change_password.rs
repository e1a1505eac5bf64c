//! Changing the password while signed in; other devices are signed out and every API token
//! is revoked.

use yorozu_domain::accounts::{Email, NewPassword};
use yorozu_store::accounts::{sessions, users};

use crate::accounts::{CurrentUser, api_tokens, change_email::check_password};
use crate::crypto::hash_password;
use crate::mail::{MailCategory, compose::compose, outbox};
use crate::{App, AppError, AppResult, Fields};

pub async fn change(
    app: &App,
    user: &CurrentUser,
    current_session: &str,
    current: &str,
    new: &str,
) -> AppResult<()> {
    let email = Email::parse(&user.email).ok();
    let mut fields = Fields::default();
    let password = fields.check("new_password", NewPassword::parse(new, email.as_ref()));
    let password = fields.finish(password)?;
    // Hashing takes tens of milliseconds: do it before taking SQLite's single write connection.
    check_password(&mut app.db.read().await?, user.id, current).await?;
    let hash = hash_password(password.expose()).map_err(|e| AppError::Internal(e.to_string()))?;
    let mut tx = app.db.begin().await?;
    let now = app.now();
    users::set_password_hash(&mut tx, user.id, &hash, now).await?;
    sessions::delete_all_for_user(&mut tx, user.id, Some(current_session)).await?;
    api_tokens::revoke_all(&mut tx, user.id, now).await?;
    let mail = compose(
        user.locale,
        "password-changed",
        &user.email,
        Some(user.id),
        &[],
    );
    outbox::enqueue(&mut tx, app, MailCategory::Account, mail).await?;
    tx.commit().await?;
    Ok(())
}
