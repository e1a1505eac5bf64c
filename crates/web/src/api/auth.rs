//! Bearer authentication with personal access tokens (`Authorization: Bearer yzp_…`).
//!
//! The API never looks at cookies, so a browser session cannot be used to call it and CSRF
//! does not apply. A missing token is a plain 401; a token that was given but is unknown,
//! revoked, expired (code `token-expired`) or belongs to a closed account is a 401 with
//! `error="invalid_token"` in `WWW-Authenticate` (RFC 6750), so clients can tell "sign in"
//! from "your token is dead". A read-only token may only make GET and HEAD requests; anything
//! else is a 403 `token-read-only`.

use axum::extract::{FromRequestParts, OptionalFromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, StatusCode, header};
use yorozu_app::accounts::CurrentUser;
use yorozu_app::accounts::api_tokens::{self, TokenCheck};

use crate::api::error::ApiError;
use crate::state::AppState;

/// The member behind the request's bearer token. As `Option<ApiUser>` it allows anonymous
/// callers but still rejects a token that does not work.
#[derive(Debug, Clone)]
pub struct ApiUser(pub CurrentUser);

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<ApiUser, ApiError> {
        let Some(secret) = bearer_token(&parts.headers) else {
            return Err(ApiError::unauthenticated());
        };
        authenticate(state, &secret, &parts.method).await
    }
}

impl OptionalFromRequestParts<AppState> for ApiUser {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Option<ApiUser>, ApiError> {
        if !parts.headers.contains_key(header::AUTHORIZATION) {
            return Ok(None);
        }
        let Some(secret) = bearer_token(&parts.headers) else {
            return Err(ApiError::unauthenticated());
        };
        authenticate(state, &secret, &parts.method).await.map(Some)
    }
}

async fn authenticate(
    state: &AppState,
    secret: &str,
    method: &Method,
) -> Result<ApiUser, ApiError> {
    match api_tokens::check(&state.app, secret).await? {
        TokenCheck::Accepted { user, scope } if scope.allows_method(method.as_str()) => {
            Ok(ApiUser(user))
        }
        TokenCheck::Accepted { .. } => {
            Err(ApiError::request(StatusCode::FORBIDDEN, "token-read-only"))
        }
        TokenCheck::Expired => Err(ApiError::expired_token()),
        TokenCheck::Rejected => Err(ApiError::invalid_token()),
    }
}

/// The token of an `Authorization: Bearer <token>` header (the scheme is case-insensitive).
fn bearer_token(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?.trim();
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then(|| token.to_owned())
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn with(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_str(value).expect("header"),
        );
        h
    }

    #[test]
    fn reads_the_bearer_scheme_in_any_case() {
        assert_eq!(
            bearer_token(&with("Bearer yzp_abc")).as_deref(),
            Some("yzp_abc")
        );
        assert_eq!(
            bearer_token(&with("bearer   yzp_abc ")).as_deref(),
            Some("yzp_abc")
        );
    }

    #[test]
    fn ignores_other_schemes_and_empty_tokens() {
        assert_eq!(bearer_token(&with("Basic dXNlcjpwYXNz")), None);
        assert_eq!(bearer_token(&with("Bearer")), None);
        assert_eq!(bearer_token(&with("Bearer ")), None);
        assert_eq!(bearer_token(&HeaderMap::new()), None);
    }
}
