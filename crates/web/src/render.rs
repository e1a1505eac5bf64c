//! Rendering templates into responses, and redirects that carry a flash message.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};

use crate::cookies;
use crate::ctx::{Ctx, push_cookie};
use crate::error::{PageError, PageResult};

pub fn page<T: Template>(template: &T) -> PageResult {
    page_with_status(StatusCode::OK, template)
}

pub fn page_with_status<T: Template>(status: StatusCode, template: &T) -> PageResult {
    let body = template
        .render()
        .map_err(|e| PageError(yorozu_app::AppError::Internal(format!("template: {e}"))))?;
    Ok((status, Html(body)).into_response())
}

/// Redirects (303, so a POST becomes a GET) and shows message `key` on the next page.
pub fn redirect_with_flash(ctx: &Ctx, to: &str, key: &str) -> Response {
    let mut response = Redirect::to(to).into_response();
    push_cookie(
        response.headers_mut(),
        &cookies::set(cookies::FLASH, key, Some(60), ctx.secure),
    );
    response
}

/// Only same-site relative paths are followed after sign-in (no open redirects).
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_owned(),
        _ => "/".to_owned(),
    }
}
