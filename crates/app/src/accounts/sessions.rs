//! Browser sessions: created at sign-in, looked up per request, listed and revoked.

use yorozu_domain::UserId;
use yorozu_store::Exec;
use yorozu_store::accounts::sessions;

use crate::accounts::{Client, CurrentUser};
use crate::crypto::{random_token, token_hash};
use crate::{App, AppError, AppResult};

/// Starts a session inside the caller's transaction; returns the cookie value.
pub async fn start(
    c: &mut impl Exec,
    app: &App,
    user_id: UserId,
    client: &Client,
) -> AppResult<String> {
    let token = random_token();
    let now = app.now();
    sessions::insert(
        c,
        &sessions::SessionRow {
            token_hash: token_hash(&token),
            user_id,
            created_at: now,
            last_seen_at: now,
            expires_at: now + app.policy.session_days * 86_400,
            user_agent: client.user_agent.chars().take(300).collect(),
            ip: client.ip.clone(),
        },
    )
    .await?;
    Ok(token)
}

/// The member behind a session cookie, extending the session when it is in use.
pub async fn authenticate(app: &App, token: &str) -> AppResult<Option<(CurrentUser, String)>> {
    let hash = token_hash(token);
    let now = app.now();
    let mut c = app.db.read().await?;
    let Some(session) = sessions::find_live_member(&mut c, &hash, now).await? else {
        return Ok(None);
    };
    drop(c);
    let last_seen_at = session.last_seen_at;
    let Some(user) = CurrentUser::of_session(session) else {
        return Ok(None);
    };
    // Sliding expiry, written at most every five minutes so reads stay reads.
    if now - last_seen_at > 300 {
        let mut tx = app.db.begin().await?;
        sessions::touch(&mut tx, &hash, now, now + app.policy.session_days * 86_400).await?;
        tx.commit().await?;
    }
    Ok(Some((user, hash)))
}

/// One line of the "active sessions" list; `id` is the stored hash, never the cookie.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SessionInfo {
    pub id: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub user_agent: String,
    pub ip: String,
    pub current: bool,
}

pub async fn list(app: &App, user_id: UserId, current_hash: &str) -> AppResult<Vec<SessionInfo>> {
    let mut c = app.db.read().await?;
    Ok(sessions::list_for_user(&mut c, user_id, app.now())
        .await?
        .into_iter()
        .map(|s| SessionInfo {
            current: s.token_hash == current_hash,
            id: s.token_hash,
            created_at: s.created_at,
            last_seen_at: s.last_seen_at,
            user_agent: s.user_agent,
            ip: s.ip,
        })
        .collect())
}

pub async fn sign_out(app: &App, current_hash: &str) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    sessions::delete(&mut tx, current_hash).await?;
    tx.commit().await?;
    Ok(())
}

/// Ends one of the member's other sessions.
pub async fn revoke(app: &App, user_id: UserId, session_id: &str) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    let n = sessions::delete_for_user(&mut tx, user_id, session_id).await?;
    tx.commit().await?;
    if n == 0 {
        Err(AppError::NotFound)
    } else {
        Ok(())
    }
}

/// Signs out every other device; the current session stays.
pub async fn sign_out_everywhere(app: &App, user_id: UserId, current_hash: &str) -> AppResult<u64> {
    let mut tx = app.db.begin().await?;
    let n = sessions::delete_all_for_user(&mut tx, user_id, Some(current_hash)).await?;
    tx.commit().await?;
    Ok(n)
}
