//! Signing in with e-mail and password, throttled per address and per client.

use yorozu_domain::accounts::Email;
use yorozu_store::accounts::{sign_in_failures, users};

use crate::accounts::{Client, sessions};
use crate::crypto::{burn_password_check, verify_password};
use crate::{App, AppError, AppResult};

/// Signs in; returns the member id and the new session's cookie value. A member whose account
/// is closed and waiting for its purge reopens it by signing in ([`crate::withdrawal::undo`]).
///
/// Failures are counted in the database (shared by every server process). After too many in
/// the window, further attempts are refused without checking the password, so guessing stops
/// even when the guess would be right.
pub async fn sign_in(
    app: &App,
    email: &str,
    password: &str,
    client: &Client,
) -> AppResult<(i64, String)> {
    sign_in_telling(app, email, password, client)
        .await
        .map(|s| (s.user_id, s.token))
}

/// A successful sign-in.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub user_id: i64,
    /// The new session's cookie value.
    pub token: String,
    /// The sign-in undid a withdrawal in its grace period (the page says so).
    pub reopened: bool,
}

/// [`sign_in`], also telling whether it undid a withdrawal.
pub async fn sign_in_telling(
    app: &App,
    email: &str,
    password: &str,
    client: &Client,
) -> AppResult<SignedIn> {
    let now = app.now();
    let window_start = now - app.policy.sign_in_window_minutes * 60;
    let email = Email::parse(email).map_err(|_| AppError::BadCredentials)?;
    let email_hash = app.signer.email_hash(email.as_str());

    let mut c = app.db.read().await?;
    let by_email =
        sign_in_failures::count_for_email_since(&mut c, &email_hash, window_start).await?;
    let by_ip = sign_in_failures::count_for_ip_since(&mut c, &client.ip, window_start).await?;
    if by_email >= app.policy.sign_in_max_failures_per_email
        || by_ip >= app.policy.sign_in_max_failures_per_ip
    {
        return Err(AppError::Throttled {
            retry_after_minutes: app.policy.sign_in_window_minutes,
        });
    }
    let user = users::find_by_email(&mut c, email.as_str()).await?;
    drop(c);

    let mut reopened = false;
    let verified = match user
        .as_ref()
        .and_then(|u| u.password_hash.as_deref().map(|h| (u, h)))
    {
        Some((u, hash)) if u.status == "active" => verify_password(password, hash).then_some(u.id),
        // Signing in during a withdrawal's grace period undoes it.
        Some((u, hash)) if u.status == "closed" => {
            if verify_password(password, hash) && crate::withdrawal::undo::reopen(app, u.id).await?
            {
                reopened = true;
                Some(u.id)
            } else {
                None
            }
        }
        _ => {
            burn_password_check(password);
            None
        }
    };
    let mut tx = app.db.begin().await?;
    let Some(user_id) = verified else {
        sign_in_failures::record(&mut tx, app.new_id(), &email_hash, &client.ip, now).await?;
        tx.commit().await?;
        return Err(AppError::BadCredentials);
    };
    sign_in_failures::clear_for_email(&mut tx, &email_hash).await?;
    // With two-step sign-in on, the right password only earns a challenge for the code.
    if let Some(challenge) =
        crate::accounts::two_step::sign_in::challenge_if_enabled(&mut tx, app, user_id).await?
    {
        tx.commit().await?;
        return Err(AppError::SecondStepRequired(challenge));
    }
    let token = sessions::start(&mut tx, app, user_id, client).await?;
    tx.commit().await?;
    Ok(SignedIn {
        user_id,
        token,
        reopened,
    })
}
