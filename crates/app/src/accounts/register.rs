//! Registration (会員登録): an account, its empty profile, a confirmation mail and (for
//! browsers) a session.

use yorozu_domain::Locale;
use yorozu_domain::accounts::{Email, NewPassword};
use yorozu_domain::profile::DisplayName;
use yorozu_store::accounts::users::{self, NewUser};
use yorozu_store::{Exec, profiles};

use crate::accounts::{Client, purpose, sessions, tokens};
use crate::crypto::hash_password;
use crate::mail::{MailCategory, compose::compose, outbox};
use crate::{App, AppError, AppResult, FieldError, Fields};

#[derive(Debug)]
pub struct Registration<'a> {
    pub email: &'a str,
    pub password: &'a str,
    pub display_name: &'a str,
    pub locale: Locale,
}

/// The new account and the session cookie value that signs it in.
#[derive(Debug)]
pub struct Registered {
    pub user_id: i64,
    pub session_token: String,
}

pub async fn register(
    app: &App,
    input: &Registration<'_>,
    client: &Client,
) -> AppResult<Registered> {
    let (user_id, session_token) = insert_member(app, input, Some(client)).await?;
    let session_token = session_token
        .ok_or_else(|| AppError::Internal("registration started no session".into()))?;
    Ok(Registered {
        user_id,
        session_token,
    })
}

/// Registration for API clients, which authenticate with tokens rather than sessions: the
/// same account, profile and confirmation mail, but no session. Returns the new user id.
pub async fn register_without_session(app: &App, input: &Registration<'_>) -> AppResult<i64> {
    Ok(insert_member(app, input, None).await?.0)
}

/// Parses the input and creates the member; starts a session when `client` is given.
async fn insert_member(
    app: &App,
    input: &Registration<'_>,
    client: Option<&Client>,
) -> AppResult<(i64, Option<String>)> {
    let mut fields = Fields::default();
    let email = fields.check("email", Email::parse(input.email));
    let password = fields.check(
        "password",
        NewPassword::parse(input.password, email.as_ref()),
    );
    let name = fields.check("display_name", DisplayName::parse(input.display_name));
    let (email, password, name) =
        fields.finish(email.zip(password).zip(name).map(|((e, p), n)| (e, p, n)))?;

    let hash = hash_password(password.expose()).map_err(|e| AppError::Internal(e.to_string()))?;
    let user_id = app.new_id();
    let mut tx = app.db.begin().await?;
    let inserted = create(
        &mut tx,
        app,
        user_id,
        &email,
        &hash,
        "member",
        &name,
        input.locale,
    )
    .await;
    match inserted {
        Err(AppError::Store(e)) if e.unique_violation() => {
            return Err(AppError::Invalid(vec![FieldError::new(
                "email",
                "email-taken",
            )]));
        }
        other => other?,
    }
    send_confirmation(
        &mut tx,
        app,
        user_id,
        email.as_str(),
        name.as_str(),
        input.locale,
    )
    .await?;
    let session_token = match client {
        Some(client) => Some(sessions::start(&mut tx, app, user_id, client).await?),
        None => None,
    };
    tx.commit().await?;
    tracing::info!(user_id, "member registered");
    Ok((user_id, session_token))
}

/// Inserts the user row and its empty profile (shared with operator creation).
#[expect(
    clippy::too_many_arguments,
    reason = "one call site each; a struct would only rename the arguments"
)]
pub(crate) async fn create(
    c: &mut impl Exec,
    app: &App,
    user_id: i64,
    email: &Email,
    password_hash: &str,
    role: &str,
    name: &DisplayName,
    locale: Locale,
) -> AppResult<()> {
    let now = app.now();
    users::insert(
        c,
        &NewUser {
            id: user_id,
            email: email.as_str(),
            password_hash,
            role,
            locale: locale.tag(),
            now,
        },
    )
    .await?;
    profiles::insert_empty(c, user_id, name.as_str(), now).await?;
    Ok(())
}

/// Queues the mail with the confirmation link.
pub(crate) async fn send_confirmation(
    c: &mut impl Exec,
    app: &App,
    user_id: i64,
    email: &str,
    name: &str,
    locale: Locale,
) -> AppResult<()> {
    let ttl = app.policy.confirm_token_hours * 3600;
    let token = tokens::issue(c, app, user_id, purpose::CONFIRM, None, ttl).await?;
    let link = app.url(&format!("/account/confirm?token={token}"));
    let mail = compose(
        locale,
        "confirm",
        email,
        Some(user_id),
        &[
            ("name", name.into()),
            ("link", link.into()),
            ("hours", app.policy.confirm_token_hours.into()),
        ],
    );
    outbox::enqueue(c, app, MailCategory::Account, mail).await
}
