//! Signing in with e-mail and password, throttled per address and per client.

use yorozu_domain::UserId;
use yorozu_domain::accounts::AccountStatus;
use yorozu_domain::accounts::Email;
use yorozu_store::accounts::{sign_in_failures, users};

use crate::accounts::throttle::{self, Bucket};
use crate::accounts::{Client, sessions};
use crate::crypto::{burn_password_check, verify_password};
use crate::withdrawal::undo;
use crate::{App, AppError, AppResult};

/// The message of a correct password for an account whose withdrawal can no longer be undone.
pub const WITHDRAWAL_FINAL: &str = "account-withdrawal-final";

/// Signs in; returns the member id and the new session's cookie value. A member whose account
/// is closed and still in its grace period reopens it by signing in ([`crate::withdrawal::undo`]).
///
/// Attempts are counted in the database (shared by every server process) before the password
/// is checked, atomically, so parallel guesses cannot share one stale count: per client
/// address in a window, and per e-mail address with a delay that doubles after a few
/// failures ([`throttle`]). A throttled attempt is refused without checking the password, so
/// guessing stops even when the guess would be right.
pub async fn sign_in(
    app: &App,
    email: &str,
    password: &str,
    client: &Client,
) -> AppResult<(UserId, String)> {
    sign_in_telling(app, email, password, client)
        .await
        .map(|s| (s.user_id, s.token))
}

/// A successful sign-in.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub user_id: UserId,
    /// The new session's cookie value.
    pub token: String,
    /// The sign-in undid a withdrawal in its grace period (the page says so).
    pub reopened: bool,
    /// A suspension (利用停止) is in force: the session is granted — the member still reads
    /// the reason, downloads their data and withdraws — and the page shows the reason first.
    pub suspended: bool,
}

/// [`sign_in`], also telling whether it undid a withdrawal.
pub async fn sign_in_telling(
    app: &App,
    email: &str,
    password: &str,
    client: &Client,
) -> AppResult<SignedIn> {
    let now = app.now();
    let email = Email::parse(email).map_err(|_| AppError::BadCredentials)?;
    let email_hash = app.signer.email_hash(email.as_str());

    throttle::count_client_request(
        app,
        Bucket::SignInClient,
        &client.ip,
        app.policy.sign_in_max_failures_per_ip,
        app.policy.sign_in_window_minutes * 60,
    )
    .await?;
    throttle::claim_address_attempt(app, &email_hash).await?;

    let mut c = app.db.read().await?;
    let user = users::find_by_email(&mut c, email.as_str()).await?;
    drop(c);

    let verified = match user
        .as_ref()
        .and_then(|u| u.password_hash.as_deref().map(|h| (u, h)))
    {
        // A closed account: signing in during a withdrawal's grace period undoes it (below,
        // once every step of the sign-in has passed).
        Some((u, hash))
            if u.status == AccountStatus::Active || u.status == AccountStatus::Closed =>
        {
            verify_password(password, hash).then_some((u.id, u.status == AccountStatus::Closed))
        }
        _ => {
            burn_password_check(password);
            None
        }
    };
    let mut tx = app.db.begin().await?;
    let Some((user_id, closed)) = verified else {
        // The history of failures, which the withdrawal's password check also counts.
        sign_in_failures::record(&mut tx, app.new_id(), &email_hash, &client.ip, now).await?;
        tx.commit().await?;
        return Err(AppError::BadCredentials);
    };
    // After the grace period, or when the member chose to erase at once, the right password
    // only learns that the withdrawal is final.
    if closed && !undo::can_undo_now(&mut tx, app, user_id).await? {
        return Err(AppError::Conflict(WITHDRAWAL_FINAL));
    }
    throttle::clear_address(&mut tx, &email_hash).await?;
    // With two-step sign-in on, the right password only earns a challenge for the code (which
    // then undoes a withdrawal in its grace period, see `two_step::sign_in::complete`).
    if let Some(challenge) =
        crate::accounts::two_step::sign_in::challenge_if_enabled(&mut tx, app, user_id).await?
    {
        tx.commit().await?;
        return Err(AppError::SecondStepRequired(challenge));
    }
    let reopened = closed && undo::reopen_after_sign_in(&mut tx, app, user_id).await?;
    let token = sessions::start(&mut tx, app, user_id, client).await?;
    let suspended = crate::moderation::standing::of(&mut tx, user_id)
        .await?
        .is_suspended();
    tx.commit().await?;
    // A correct password is no guess: it does not count against the client address.
    throttle::forgive_client_request(app, Bucket::SignInClient, &client.ip).await?;
    Ok(SignedIn {
        user_id,
        token,
        reopened,
        suspended,
    })
}
