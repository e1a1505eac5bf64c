//! The second step of signing in: after the right password, a member with two-step sign-in
//! on gets no session but a short-lived challenge; the code (or a recovery code) turns it
//! into a session. Wrong codes count as failed sign-ins of the address, so guessing codes is
//! throttled exactly like guessing passwords.

use yorozu_store::Exec;
use yorozu_store::accounts::{sign_in_failures, two_step as store, users};

use crate::accounts::sign_in::SignedIn;
use crate::accounts::{Client, sessions};
use crate::crypto::{random_token, token_hash};
use crate::{App, AppError, AppResult};

/// Minutes a challenge waits for its code.
pub const CHALLENGE_MINUTES: i64 = 10;

/// For a member with two-step sign-in on, a challenge token instead of a session (inside the
/// caller's transaction); `None` when two-step sign-in is off.
pub async fn challenge_if_enabled(
    c: &mut impl Exec,
    app: &App,
    user_id: i64,
) -> AppResult<Option<String>> {
    if !super::is_enabled(c, user_id).await? {
        return Ok(None);
    }
    let token = random_token();
    let now = app.now();
    store::delete_challenge(c, "", now).await?;
    store::insert_challenge(
        c,
        &token_hash(&token),
        user_id,
        now + CHALLENGE_MINUTES * 60,
    )
    .await?;
    Ok(Some(token))
}

/// Completes a sign-in with its challenge and a code; returns the new session.
pub async fn complete(
    app: &App,
    challenge: &str,
    code: &str,
    client: &Client,
) -> AppResult<SignedIn> {
    let now = app.now();
    let hash = token_hash(challenge);
    let mut c = app.db.read().await?;
    let user_id = store::challenge_user(&mut c, &hash, now)
        .await?
        .ok_or(AppError::LinkInvalid("two-step-challenge-expired"))?;
    let email = users::find(&mut c, user_id)
        .await?
        .and_then(|u| u.email)
        .ok_or(AppError::LinkInvalid("two-step-challenge-expired"))?;
    let email_hash = app.signer.email_hash(&email);
    let window_start = now - app.policy.sign_in_window_minutes * 60;
    let by_email =
        sign_in_failures::count_for_email_since(&mut c, &email_hash, window_start).await?;
    let by_ip = sign_in_failures::count_for_ip_since(&mut c, &client.ip, window_start).await?;
    drop(c);
    if by_email >= app.policy.sign_in_max_failures_per_email
        || by_ip >= app.policy.sign_in_max_failures_per_ip
    {
        return Err(AppError::Throttled {
            retry_after_minutes: app.policy.sign_in_window_minutes,
        });
    }
    let mut tx = app.db.begin().await?;
    if !super::verify(&mut tx, app, user_id, code).await? {
        drop(tx);
        let mut tx = app.db.begin().await?;
        sign_in_failures::record(&mut tx, app.new_id(), &email_hash, &client.ip, now).await?;
        tx.commit().await?;
        return Err(super::wrong_code(code));
    }
    store::delete_challenge(&mut tx, &hash, now).await?;
    sign_in_failures::clear_for_email(&mut tx, &email_hash).await?;
    let token = sessions::start(&mut tx, app, user_id, client).await?;
    tx.commit().await?;
    Ok(SignedIn {
        user_id,
        token,
        reopened: false,
    })
}
