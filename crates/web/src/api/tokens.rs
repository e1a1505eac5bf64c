//! Personal access tokens: listed, created (the secret is shown once) and revoked.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use yorozu_app::accounts::api_tokens::{self, TokenInfo};

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::api::extract::{ApiId, ApiJson};
use crate::state::AppState;

#[derive(Debug, Serialize)]
pub struct Token {
    id: String,
    name: String,
    created_at: i64,
    last_used_at: Option<i64>,
}

impl From<TokenInfo> for Token {
    fn from(t: TokenInfo) -> Token {
        Token {
            id: t.id.to_string(),
            name: t.name,
            created_at: t.created_at,
            last_used_at: t.last_used_at,
        }
    }
}

pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<Vec<Token>>> {
    let tokens = api_tokens::list(&state.app, user.id).await?;
    Ok(Json(tokens.into_iter().map(Token::from).collect()))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateTokenRequest {
    name: String,
}

/// A new token with its secret, which is never shown again.
#[derive(Debug, Serialize)]
pub struct CreatedToken {
    id: String,
    name: String,
    created_at: i64,
    token: String,
}

pub async fn create(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(input): ApiJson<CreateTokenRequest>,
) -> ApiResult<(StatusCode, Json<CreatedToken>)> {
    let (info, token) = api_tokens::create(&state.app, user.id, &input.name).await?;
    let created = CreatedToken {
        id: info.id.to_string(),
        name: info.name,
        created_at: info.created_at,
        token,
    };
    Ok((StatusCode::CREATED, Json(created)))
}

/// Revokes one of the caller's tokens (the one in use included); anyone else's is not found.
pub async fn revoke(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId,
) -> ApiResult<StatusCode> {
    api_tokens::revoke(&state.app, user.id, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
