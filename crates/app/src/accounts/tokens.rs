//! Mailed single-use tokens: issued inside the caller's transaction, redeemed exactly once.

use yorozu_domain::UserId;
use yorozu_store::Exec;
use yorozu_store::accounts::email_tokens::{self, EmailTokenRow};

use crate::crypto::{random_token, token_hash};
use crate::{App, AppError, AppResult};

/// Issues a token (superseding unused ones of the same purpose) and returns its secret.
pub async fn issue(
    c: &mut impl Exec,
    app: &App,
    user_id: UserId,
    purpose: &str,
    new_email: Option<&str>,
    ttl_seconds: i64,
) -> AppResult<String> {
    let now = app.now();
    email_tokens::expire_unused(c, user_id, purpose, now).await?;
    let token = random_token();
    email_tokens::insert(
        c,
        &EmailTokenRow {
            token_hash: token_hash(&token),
            user_id,
            purpose: purpose.to_owned(),
            new_email: new_email.map(str::to_owned),
            created_at: now,
            expires_at: now + ttl_seconds,
            used_at: None,
        },
    )
    .await?;
    Ok(token)
}

/// The token's row if it is known, unused and unexpired, without using it up.
pub async fn peek(
    c: &mut impl Exec,
    app: &App,
    token: &str,
    purpose: &str,
) -> AppResult<Option<EmailTokenRow>> {
    let row = email_tokens::find(c, &token_hash(token), purpose).await?;
    Ok(row.filter(|r| r.used_at.is_none() && r.expires_at > app.now()))
}

/// Redeems a token: unknown, expired and used tokens each get their own message.
pub async fn redeem(
    c: &mut impl Exec,
    app: &App,
    token: &str,
    purpose: &str,
) -> AppResult<EmailTokenRow> {
    let hash = token_hash(token);
    let now = app.now();
    let row = email_tokens::find(c, &hash, purpose)
        .await?
        .ok_or(AppError::LinkInvalid("link-unknown"))?;
    if row.used_at.is_some() {
        return Err(AppError::LinkInvalid("link-used"));
    }
    if row.expires_at <= now {
        return Err(AppError::LinkInvalid("link-expired"));
    }
    if !email_tokens::mark_used(c, &hash, now).await? {
        return Err(AppError::LinkInvalid("link-used"));
    }
    Ok(row)
}
