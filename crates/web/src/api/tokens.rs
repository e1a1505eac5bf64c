//! Personal access tokens: listed and revoked. They are created (and renewed) on the site's
//! settings page only, signed in with a session and the current password: a token never
//! makes another token, so one leaked token cannot be turned into lasting access.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;
use yorozu_app::accounts::api_tokens::{self, TokenInfo};
use yorozu_domain::TokenId;
use yorozu_domain::accounts::TokenScope;

use crate::api::auth::ApiUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::extract::ApiId;
use crate::api::openapi::fields as openapi;
use crate::api::openapi::responses::{Forbidden, NotFound};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct Token {
    #[schema(schema_with = openapi::id)]
    id: String,
    name: String,
    #[schema(schema_with = openapi::token_scope)]
    scope: TokenScope,
    #[schema(schema_with = openapi::time)]
    created_at: i64,
    #[schema(schema_with = openapi::nullable_time, required)]
    last_used_at: Option<i64>,
    /// Unix seconds; renew the token in the site's settings.
    #[schema(format = Int64)]
    expires_at: i64,
}

impl From<TokenInfo> for Token {
    fn from(t: TokenInfo) -> Token {
        Token {
            id: t.id.to_string(),
            name: t.name,
            scope: t.scope,
            created_at: t.created_at,
            last_used_at: t.last_used_at,
            expires_at: t.expires_at,
        }
    }
}

#[utoipa::path(
    get,
    path = "/me/tokens",
    operation_id = "listTokens",
    summary = "Personal access tokens",
    responses((status = 200, description = "Unrevoked tokens, expired ones included (without their secrets).", body = Vec<Token>)),
)]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<Vec<Token>>> {
    let tokens = api_tokens::list(&state.app, user.id).await?;
    Ok(Json(tokens.into_iter().map(Token::from).collect()))
}

/// Always refused: a caller of the API is authenticated by a token, and tokens cannot create
/// tokens (403 `token-creation-needs-sign-in`).
#[utoipa::path(
    post,
    path = "/me/tokens",
    operation_id = "createToken",
    summary = "Create a token (not through the API)",
    description = "Always refused with 403 `token-creation-needs-sign-in`: a token cannot create another token. \
                   Tokens are created on the site's settings page, signed in, with the current password and a \
                   confirmed address; the secret is shown there once.",
    responses((status = 403, response = Forbidden)),
)]
pub async fn create(ApiUser(_): ApiUser) -> ApiError {
    ApiError::request(StatusCode::FORBIDDEN, "token-creation-needs-sign-in")
}

/// Revokes one of the caller's tokens (the one in use included); anyone else's is not found.
#[utoipa::path(
    delete,
    path = "/me/tokens/{id}",
    operation_id = "revokeToken",
    summary = "Revoke a token",
    params(("id" = String, Path, description = "The token id.")),
    responses(
        (status = 204, description = "Revoked."),
        (status = 404, response = NotFound),
    ),
)]
pub async fn revoke(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<TokenId>,
) -> ApiResult<StatusCode> {
    api_tokens::revoke(&state.app, user.id, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
