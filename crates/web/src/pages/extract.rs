//! Who a page is for and what its path names, as extractors: a handler states in its
//! signature that it serves a signed-in member ([`SignedIn`]), anyone ([`MaybeSignedIn`]) or
//! an operator ([`Operator`]), and takes the ids of its path already read ([`PathId`],
//! [`PathIds`]). The API has the same seams in `api::auth` and `api::extract`.
//!
//! The member comes from the request's [`Ctx`], which the context middleware built (session,
//! closed accounts, pending two-step sign-in, language, CSRF) before any extractor runs, so
//! these only decide what a missing or wrong member means for a page. Handlers bind the
//! member by reference, `SignedIn(ref user): SignedIn`, the way use cases take it.

use axum::extract::{FromRequestParts, Path};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use yorozu_app::AppError;
use yorozu_app::accounts::{CurrentUser, two_step};

use crate::ctx::Ctx;
use crate::error::PageError;
use crate::state::AppState;

/// A signed-in member. Visitors are sent to the sign-in page, which brings them back here
/// (`next` is this request's path and query).
#[derive(Debug, Clone)]
pub struct SignedIn(pub CurrentUser);

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<SignedIn, Response> {
        let ctx = ctx_of(parts)?;
        match &ctx.user {
            Some(user) => Ok(SignedIn(user.clone())),
            None => {
                let next = urlencoding::encode(&ctx.path);
                Err(Redirect::to(&format!("/login?next={next}")).into_response())
            }
        }
    }
}

/// The member if someone is signed in, for pages open to visitors.
#[derive(Debug, Clone)]
pub struct MaybeSignedIn(pub Option<CurrentUser>);

impl<S: Send + Sync> FromRequestParts<S> for MaybeSignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<MaybeSignedIn, Response> {
        Ok(MaybeSignedIn(ctx_of(parts)?.user.clone()))
    }
}

/// A signed-in operator, for the operator console. Visitors are sent to sign in and members
/// get 403. With `operator_two_step` on, an operator without two-step sign-in is sent to set
/// it up first. The use cases check the role again.
#[derive(Debug, Clone)]
pub struct Operator(pub CurrentUser);

impl FromRequestParts<AppState> for Operator {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Operator, Response> {
        let SignedIn(user) = SignedIn::from_request_parts(parts, state).await?;
        if !user.is_operator() {
            return Err(PageError(AppError::Forbidden).into_response());
        }
        if state.app.policy.operator_two_step {
            match two_step::status(&state.app, user.id).await {
                Ok(s) if s.enabled => {}
                Ok(_) => {
                    return Err(
                        Redirect::to("/settings/two-step?required=operator").into_response()
                    );
                }
                Err(e) => return Err(PageError(e).into_response()),
            }
        }
        Ok(Operator(user))
    }
}

/// The request's context; the context middleware runs in front of every page.
#[expect(
    clippy::result_large_err,
    reason = "the error is the response itself, returned at once"
)]
fn ctx_of(parts: &Parts) -> Result<&Ctx, Response> {
    parts
        .extensions
        .get::<Ctx>()
        .ok_or_else(|| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

/// The id in a path such as `/orders/{id}`, as `T` (a plain `i64` unless said otherwise).
/// Something that is not an id names no page, so it is not found.
#[derive(Debug, Clone, Copy)]
pub struct PathId<T = i64>(pub T);

impl<S: Send + Sync, T: TryFrom<i64>> FromRequestParts<S> for PathId<T> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<PathId<T>, Response> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok(PathId(page_id(&raw)?))
    }
}

/// The two ids of a path such as `/orders/{id}/files/{attachment_id}`, in path order.
#[derive(Debug, Clone, Copy)]
pub struct PathIds<A = i64, B = i64>(pub A, pub B);

impl<S, A, B> FromRequestParts<S> for PathIds<A, B>
where
    S: Send + Sync,
    A: TryFrom<i64>,
    B: TryFrom<i64>,
{
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<PathIds<A, B>, Response> {
        let Path((a, b)) = Path::<(String, String)>::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok(PathIds(page_id(&a)?, page_id(&b)?))
    }
}

#[expect(
    clippy::result_large_err,
    reason = "the error is the response itself, returned at once"
)]
fn page_id<T: TryFrom<i64>>(raw: &str) -> Result<T, Response> {
    parse_id(raw).ok_or_else(|| PageError(AppError::NotFound).into_response())
}

/// An id as pages and the API write it in paths: a decimal `i64` that `T` accepts.
pub(crate) fn parse_id<T: TryFrom<i64>>(raw: &str) -> Option<T> {
    raw.parse::<i64>().ok().and_then(|n| T::try_from(n).ok())
}

#[cfg(test)]
mod tests {
    use super::parse_id;

    #[test]
    fn an_id_is_what_i64_reads_from_decimal_text() {
        assert_eq!(parse_id::<i64>("42"), Some(42));
        // The parsers this replaced were `str::parse::<i64>`, which takes a sign.
        assert_eq!(parse_id::<i64>("+42"), Some(42));
        for raw in [
            "",
            "abc",
            "4 2",
            " 42",
            "1.5",
            "0x10",
            "9223372036854775808",
        ] {
            assert_eq!(parse_id::<i64>(raw), None, "{raw:?}");
        }
    }

    #[test]
    fn a_typed_id_refuses_what_it_cannot_hold() {
        assert_eq!(parse_id::<u32>("7"), Some(7));
        assert_eq!(parse_id::<u32>("-7"), None);
    }
}
