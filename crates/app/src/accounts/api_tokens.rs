//! Personal access tokens for the JSON API, created, renewed and revoked in settings.
//!
//! A token is as good as the password for what its scope allows, so making one needs a
//! confirmed address and the current password, in a browser session (never with a token);
//! every token expires, and changing the password or the e-mail address revokes them all.

use yorozu_domain::accounts::{TokenLifetime, TokenScope};
use yorozu_domain::{TokenId, UserId};
use yorozu_store::accounts::api_tokens::{self, ApiTokenRow};

use crate::accounts::{CurrentUser, change_email::check_password};
use crate::crypto::{random_token, token_hash};
use crate::{App, AppError, AppResult, FieldError, Fields};

/// Tokens start with this prefix so that secret scanners can recognise a leaked one.
pub const PREFIX: &str = "yzp_";
const MAX_NAME_CHARS: usize = 50;
const MAX_TOKENS: usize = 20;
/// A use is recorded at most once a minute per token, so that reading does not write.
const TOUCH_INTERVAL_SECONDS: i64 = 60;

#[derive(Debug, Clone, serde::Serialize)]
pub struct TokenInfo {
    pub id: TokenId,
    pub name: String,
    pub scope: TokenScope,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub expires_at: i64,
    pub lifetime_days: i64,
}

impl From<ApiTokenRow> for TokenInfo {
    fn from(r: ApiTokenRow) -> TokenInfo {
        TokenInfo {
            id: r.id,
            name: r.name,
            scope: r.scope,
            created_at: r.created_at,
            last_used_at: r.last_used_at,
            expires_at: r.expires_at,
            lifetime_days: r.lifetime_days,
        }
    }
}

impl TokenInfo {
    pub fn is_expired(&self, now: i64) -> bool {
        self.expires_at <= now
    }
}

/// What the creation form sends: the name, `read` or `full`, days until expiry, and the
/// current password.
#[derive(Debug, Clone, Copy)]
pub struct NewToken<'a> {
    pub name: &'a str,
    pub scope: &'a str,
    pub lifetime_days: Option<i64>,
    pub password: &'a str,
    /// The two-step code, when two-step sign-in is on.
    pub totp_code: &'a str,
}

/// Creates a token; the secret is returned once and never again. Only for a member signed in
/// with a session: the API refuses token creation outright.
pub async fn create(
    app: &App,
    user: &CurrentUser,
    input: &NewToken<'_>,
) -> AppResult<(TokenInfo, String)> {
    if !user.email_verified {
        return Err(AppError::Conflict("token-needs-confirmed-email"));
    }
    let mut fields = Fields::default();
    let name = fields.check("name", parse_name(input.name));
    let scope = fields.check(
        "scope",
        TokenScope::parse(input.scope).ok_or(FieldError::new("scope", "token-scope-unknown")),
    );
    let lifetime = fields.check(
        "lifetime_days",
        input
            .lifetime_days
            .map_or(Some(TokenLifetime::DEFAULT), TokenLifetime::parse_days)
            .ok_or(FieldError::new("lifetime_days", "token-lifetime-unknown")),
    );
    let (name, scope, lifetime) =
        fields.finish(name.zip(scope).zip(lifetime).map(|((n, s), l)| (n, s, l)))?;
    reauthenticate(app, user, input.password, input.totp_code).await?;
    issue(app, user.id, name, scope, lifetime).await
}

/// Stores a new token without any check: [`create`] after its checks, and the test and
/// benchmark fixtures ([`crate::testing::api_token`]).
pub(crate) async fn issue(
    app: &App,
    user_id: UserId,
    name: String,
    scope: TokenScope,
    lifetime: TokenLifetime,
) -> AppResult<(TokenInfo, String)> {
    let secret = format!("{PREFIX}{}", random_token());
    let now = app.now();
    let row = ApiTokenRow {
        id: app.new_id(),
        user_id,
        name,
        token_hash: token_hash(&secret),
        created_at: now,
        last_used_at: None,
        revoked_at: None,
        scope,
        lifetime_days: lifetime.days(),
        expires_at: now + lifetime.seconds(),
    };
    let mut tx = app.db.begin().await?;
    if api_tokens::list_active_for_user(&mut tx, user_id)
        .await?
        .len()
        >= MAX_TOKENS
    {
        return Err(AppError::Conflict("token-limit-reached"));
    }
    api_tokens::insert(&mut tx, &row).await?;
    tx.commit().await?;
    Ok((row.into(), secret))
}

/// The check that guards token creation: the current password and, when two-step sign-in is
/// on, a code (checked only after the right password, so a wrong one uses up no code).
async fn reauthenticate(
    app: &App,
    user: &CurrentUser,
    password: &str,
    totp_code: &str,
) -> AppResult<()> {
    match check_password(&mut app.db.read().await?, user.id, password).await {
        Err(AppError::Invalid(_)) => return Err(AppError::invalid("password", "password-wrong")),
        other => other?,
    }
    crate::accounts::two_step::require_code(app, user.id, totp_code).await
}

fn parse_name(name: &str) -> Result<String, FieldError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(FieldError::new("name", "token-name-empty"));
    }
    if name.chars().count() > MAX_NAME_CHARS || name.chars().any(char::is_control) {
        return Err(FieldError::new("name", "token-name-too-long").with("max", MAX_NAME_CHARS));
    }
    Ok(name.to_owned())
}

/// The member's tokens that are not revoked, expired ones included (they can be renewed).
pub async fn list(app: &App, user_id: UserId) -> AppResult<Vec<TokenInfo>> {
    let mut c = app.db.read().await?;
    Ok(api_tokens::list_active_for_user(&mut c, user_id)
        .await?
        .into_iter()
        .map(TokenInfo::from)
        .collect())
}

pub async fn revoke(app: &App, user_id: UserId, token_id: TokenId) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    let revoked = api_tokens::revoke(&mut tx, user_id, token_id, app.now()).await?;
    tx.commit().await?;
    if revoked {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// Extends one of the member's tokens by its lifetime, counted from now (an expired token
/// included); returns the new expiry.
pub async fn renew(app: &App, user_id: UserId, token_id: TokenId) -> AppResult<i64> {
    let mut tx = app.db.begin().await?;
    let token = api_tokens::list_active_for_user(&mut tx, user_id)
        .await?
        .into_iter()
        .find(|t| t.id == token_id)
        .ok_or(AppError::NotFound)?;
    let lifetime = TokenLifetime::parse_days(token.lifetime_days).unwrap_or_default();
    let expires_at = app.now() + lifetime.seconds();
    if !api_tokens::renew(&mut tx, user_id, token_id, expires_at).await? {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(expires_at)
}

/// What a bearer token turned out to be.
#[derive(Debug, Clone)]
pub enum TokenCheck {
    /// A live token of an active member, with what it may do.
    Accepted {
        user: CurrentUser,
        scope: TokenScope,
    },
    /// The token exists but its time is over (renew it in settings).
    Expired,
    /// Unknown, revoked, or its member's account is not active.
    Rejected,
}

/// Checks a bearer token and records its use (at most once a minute).
pub async fn check(app: &App, secret: &str) -> AppResult<TokenCheck> {
    if !secret.starts_with(PREFIX) {
        return Ok(TokenCheck::Rejected);
    }
    let mut c = app.db.read().await?;
    let Some(token) = api_tokens::find_active(&mut c, &token_hash(secret)).await? else {
        return Ok(TokenCheck::Rejected);
    };
    let now = app.now();
    if token.expires_at <= now {
        return Ok(TokenCheck::Expired);
    }
    let Some(user) = CurrentUser::load(&mut c, token.user_id).await? else {
        return Ok(TokenCheck::Rejected);
    };
    drop(c);
    let scope = token.scope;
    let not_since = now - TOUCH_INTERVAL_SECONDS;
    if token.last_used_at.is_none_or(|t| t < not_since) {
        let mut tx = app.db.begin().await?;
        api_tokens::touch(&mut tx, token.id, now, not_since).await?;
        tx.commit().await?;
    }
    Ok(TokenCheck::Accepted { user, scope })
}

/// The member behind a live bearer token, whatever its scope.
pub async fn authenticate(app: &App, secret: &str) -> AppResult<Option<CurrentUser>> {
    Ok(match check(app, secret).await? {
        TokenCheck::Accepted { user, .. } => Some(user),
        TokenCheck::Expired | TokenCheck::Rejected => None,
    })
}

/// Revokes every token of the member, inside the caller's transaction: a password or e-mail
/// change must end whatever access someone else may have set up.
pub(crate) async fn revoke_all(
    c: &mut impl yorozu_store::Exec,
    user_id: UserId,
    now: i64,
) -> AppResult<()> {
    api_tokens::revoke_all_for_user(c, user_id, now).await?;
    Ok(())
}
