//! `yorozu admin create-operator`: an operator account, confirmed from the start.

use yorozu_domain::Locale;
use yorozu_domain::UserId;
use yorozu_domain::accounts::{Email, NewPassword, Role};
use yorozu_domain::profile::DisplayName;
use yorozu_store::accounts::users;

use crate::accounts::register::create;
use crate::crypto::hash_password;
use crate::{App, AppError, AppResult, Fields};

/// Creates an operator, or promotes the existing account with this address.
pub async fn create_operator(
    app: &App,
    email: &str,
    password: &str,
    display_name: &str,
) -> AppResult<UserId> {
    let mut f = Fields::default();
    let email = f.check("email", Email::parse(email));
    let password = f.check("password", NewPassword::parse(password, email.as_ref()));
    let name = f.check("display_name", DisplayName::parse(display_name));
    let (email, password, name) =
        f.finish(email.zip(password).zip(name).map(|((e, p), n)| (e, p, n)))?;
    let hash = hash_password(password.expose()).map_err(|e| AppError::Internal(e.to_string()))?;
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let id = match users::find_by_email(&mut tx, email.as_str()).await? {
        Some(existing) => {
            users::set_role(&mut tx, existing.id, Role::Operator, now).await?;
            users::set_password_hash(&mut tx, existing.id, &hash, now).await?;
            existing.id
        }
        None => {
            let id = app.new_id();
            create(
                &mut tx,
                app,
                id,
                &email,
                &hash,
                Role::Operator,
                &name,
                Locale::Ja,
            )
            .await?;
            id
        }
    };
    users::mark_email_verified(&mut tx, id, now).await?;
    tx.commit().await?;
    Ok(id)
}
