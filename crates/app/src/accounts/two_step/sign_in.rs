//! The second step of signing in: after the right password, a member with two-step sign-in
//! on gets no session but a short-lived challenge; the code (or a recovery code) turns it
//! into a session. Wrong codes count as failed sign-ins of the address, so guessing codes is
//! throttled exactly like guessing passwords.

use yorozu_domain::UserId;
use yorozu_domain::accounts::AccountStatus;
use yorozu_store::Exec;
use yorozu_store::accounts::{sign_in_failures, two_step as store, users};

use crate::accounts::sign_in::SignedIn;
use crate::accounts::throttle;
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
    user_id: UserId,
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
    let user = users::find(&mut c, user_id)
        .await?
        .filter(|u| u.email.is_some())
        .ok_or(AppError::LinkInvalid("two-step-challenge-expired"))?;
    drop(c);
    let email_hash = app
        .signer
        .email_hash(user.email.as_deref().unwrap_or_default());
    // Each code is an attempt of the address, counted before it is checked, exactly as a
    // password is (the same growing delay after failures).
    throttle::claim_address_attempt(app, &email_hash).await?;
    let mut tx = app.db.begin().await?;
    if !super::verify(&mut tx, app, user_id, code).await? {
        drop(tx);
        let mut tx = app.db.begin().await?;
        sign_in_failures::record(&mut tx, app.new_id(), &email_hash, &client.ip, now).await?;
        tx.commit().await?;
        return Err(super::wrong_code(code));
    }
    store::delete_challenge(&mut tx, &hash, now).await?;
    throttle::clear_address(&mut tx, &email_hash).await?;
    // Every step passed: a closed account in its grace period opens again only now.
    let reopened = user.status == AccountStatus::Closed
        && crate::withdrawal::undo::reopen_after_sign_in(&mut tx, app, user_id).await?;
    let token = sessions::start(&mut tx, app, user_id, client).await?;
    let suspended = crate::moderation::standing::of(&mut tx, user_id)
        .await?
        .is_suspended();
    tx.commit().await?;
    Ok(SignedIn {
        user_id,
        token,
        reopened,
        suspended,
    })
}
