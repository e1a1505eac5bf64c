//! Registration (会員登録): an account, its empty profile, a confirmation mail and (for
//! browsers) a session.
//!
//! Sign-ups are limited per client address, and an address that is already registered gets
//! the same answer as a new one (no "taken" error that would tell who is a member): its owner
//! is mailed that someone tried, instead of a confirmation.

use yorozu_domain::Locale;
use yorozu_domain::UserId;
use yorozu_domain::accounts::{Email, NewPassword, Role};
use yorozu_domain::profile::DisplayName;
use yorozu_store::accounts::users::{self, NewUser};
use yorozu_store::{Exec, profiles};

use crate::accounts::throttle::{self, Bucket};
use crate::accounts::{Client, purpose, sessions, tokens};
use crate::crypto::hash_password;
use crate::mail::{
    MailCategory,
    compose::{compose, locale_of},
    outbox,
};
use crate::{App, AppError, AppResult, Fields};

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
    pub user_id: UserId,
    pub session_token: String,
}

/// What a sign-up did. Callers answer both the same way.
#[derive(Debug)]
pub enum SignUp {
    /// A new account, signed in.
    Registered(Registered),
    /// The address belongs to an account already; its owner was mailed a notice.
    AddressTaken,
}

impl SignUp {
    /// The new account, if one was made.
    pub fn registered(self) -> Option<Registered> {
        match self {
            SignUp::Registered(r) => Some(r),
            SignUp::AddressTaken => None,
        }
    }
}

pub async fn register(app: &App, input: &Registration<'_>, client: &Client) -> AppResult<SignUp> {
    let Some((user_id, session_token)) = insert_member(app, input, client, true).await? else {
        return Ok(SignUp::AddressTaken);
    };
    let session_token = session_token
        .ok_or_else(|| AppError::Internal("registration started no session".into()))?;
    Ok(SignUp::Registered(Registered {
        user_id,
        session_token,
    }))
}

/// Registration for API clients, which authenticate with tokens rather than sessions: the
/// same account, profile and confirmation mail, but no session. Says nothing about whether
/// the address was new.
pub async fn register_without_session(
    app: &App,
    input: &Registration<'_>,
    client: &Client,
) -> AppResult<()> {
    insert_member(app, input, client, false).await?;
    Ok(())
}

/// Parses the input and creates the member; starts a session when asked. `None` when the
/// address is taken (the owner is told).
async fn insert_member(
    app: &App,
    input: &Registration<'_>,
    client: &Client,
    start_session: bool,
) -> AppResult<Option<(UserId, Option<String>)>> {
    let mut fields = Fields::default();
    let email = fields.check("email", Email::parse(input.email));
    let password = fields.check(
        "password",
        NewPassword::parse(input.password, email.as_ref()),
    );
    let name = fields.check("display_name", DisplayName::parse(input.display_name));
    let (email, password, name) =
        fields.finish(email.zip(password).zip(name).map(|((e, p), n)| (e, p, n)))?;
    // Counted before the slow hash: neither the mail nor the hashing can be used to flood.
    throttle::count_mail_request(app, Bucket::SignUp, &client.ip).await?;

    let hash = hash_password(password.expose()).map_err(|e| AppError::Internal(e.to_string()))?;
    let user_id = app.new_id();
    let mut tx = app.db.begin().await?;
    let inserted = create(
        &mut tx,
        app,
        user_id,
        &email,
        &hash,
        Role::Member,
        &name,
        input.locale,
    )
    .await;
    match inserted {
        Err(AppError::Store(e)) if e.unique_violation() => {
            drop(tx);
            notify_owner_of_attempt(app, &email).await?;
            return Ok(None);
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
    let session_token = match start_session {
        true => Some(sessions::start(&mut tx, app, user_id, client).await?),
        false => None,
    };
    tx.commit().await?;
    tracing::info!(user_id = user_id.get(), "member registered");
    Ok(Some((user_id, session_token)))
}

/// Hours during which further sign-ups with a taken address mail its owner no more notices.
const ATTEMPT_NOTICE_HOURS: i64 = 1;

/// Mails the owner of a registered address that someone tried to sign up with it (at most
/// once an hour, whatever the number of clients trying).
async fn notify_owner_of_attempt(app: &App, email: &Email) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    let Some(owner) = users::find_by_email(&mut tx, email.as_str()).await? else {
        return Ok(());
    };
    let notices = yorozu_store::accounts::request_counters::hit(
        &mut tx,
        throttle::SIGN_UP_NOTICE,
        &app.signer.email_hash(email.as_str()),
        app.now(),
        ATTEMPT_NOTICE_HOURS * 3600,
    )
    .await?;
    if notices.hits == 1 {
        let mail = compose(
            locale_of(&owner.locale),
            "sign-up-attempt",
            email.as_str(),
            Some(owner.id),
            &[
                ("sign_in", app.url("/login").into()),
                ("reset", app.url("/account/forgot").into()),
            ],
        );
        outbox::enqueue(&mut tx, app, MailCategory::Account, mail).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Inserts the user row and its empty profile (shared with operator creation).
#[expect(
    clippy::too_many_arguments,
    reason = "one call site each; a struct would only rename the arguments"
)]
pub(crate) async fn create(
    c: &mut impl Exec,
    app: &App,
    user_id: UserId,
    email: &Email,
    password_hash: &str,
    role: Role,
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
    user_id: UserId,
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
