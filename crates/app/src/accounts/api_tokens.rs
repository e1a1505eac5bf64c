//! Personal access tokens for the JSON API, created and revoked in settings.

use yorozu_store::accounts::api_tokens::{self, ApiTokenRow};

use crate::accounts::CurrentUser;
use crate::crypto::{random_token, token_hash};
use crate::{App, AppError, AppResult, FieldError};

/// Tokens start with this prefix so that secret scanners can recognise a leaked one.
pub const PREFIX: &str = "yzp_";
const MAX_NAME_CHARS: usize = 50;
const MAX_TOKENS: usize = 20;

#[derive(Debug, Clone, serde::Serialize)]
pub struct TokenInfo {
    pub id: i64,
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

impl From<ApiTokenRow> for TokenInfo {
    fn from(r: ApiTokenRow) -> TokenInfo {
        TokenInfo {
            id: r.id,
            name: r.name,
            created_at: r.created_at,
            last_used_at: r.last_used_at,
        }
    }
}

/// Creates a token; the secret is returned once and never again.
pub async fn create(app: &App, user_id: i64, name: &str) -> AppResult<(TokenInfo, String)> {
    let name = name.trim();
    if name.is_empty() {
        return Err(AppError::Invalid(vec![FieldError::new(
            "name",
            "token-name-empty",
        )]));
    }
    if name.chars().count() > MAX_NAME_CHARS || name.chars().any(char::is_control) {
        return Err(AppError::Invalid(vec![
            FieldError::new("name", "token-name-too-long").with("max", MAX_NAME_CHARS),
        ]));
    }
    let secret = format!("{PREFIX}{}", random_token());
    let row = ApiTokenRow {
        id: app.new_id(),
        user_id,
        name: name.to_owned(),
        token_hash: token_hash(&secret),
        created_at: app.now(),
        last_used_at: None,
        revoked_at: None,
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

pub async fn list(app: &App, user_id: i64) -> AppResult<Vec<TokenInfo>> {
    let mut c = app.db.read().await?;
    Ok(api_tokens::list_active_for_user(&mut c, user_id)
        .await?
        .into_iter()
        .map(TokenInfo::from)
        .collect())
}

pub async fn revoke(app: &App, user_id: i64, token_id: i64) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    let revoked = api_tokens::revoke(&mut tx, user_id, token_id, app.now()).await?;
    tx.commit().await?;
    if revoked {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// The member behind a bearer token.
pub async fn authenticate(app: &App, secret: &str) -> AppResult<Option<CurrentUser>> {
    if !secret.starts_with(PREFIX) {
        return Ok(None);
    }
    let mut c = app.db.read().await?;
    let Some(token) = api_tokens::find_active(&mut c, &token_hash(secret)).await? else {
        return Ok(None);
    };
    let user = CurrentUser::load(&mut c, token.user_id).await?;
    drop(c);
    let now = app.now();
    if user.is_some() && token.last_used_at.is_none_or(|t| now - t > 300) {
        let mut tx = app.db.begin().await?;
        api_tokens::touch(&mut tx, token.id, now).await?;
        tx.commit().await?;
    }
    Ok(user)
}
