//! Rendering templates into responses, and redirects that carry a flash message.

use askama::Template;
use axum::http::{HeaderValue, StatusCode};
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

/// Redirects (303, so a POST becomes a GET) and shows message `key` on the next page. A target
/// that cannot be a header value goes to the home page instead of failing.
pub fn redirect_with_flash(ctx: &Ctx, to: &str, key: &str) -> Response {
    let to = if HeaderValue::from_str(to).is_ok() {
        to
    } else {
        "/"
    };
    let mut response = Redirect::to(to).into_response();
    push_cookie(
        response.headers_mut(),
        &cookies::set(cookies::FLASH, key, Some(60), ctx.secure),
    );
    response
}

/// The path to go to after sign-in or a language switch: `next` when it is a path on this
/// site, `/` otherwise (no open redirects).
///
/// Browsers drop tabs and newlines anywhere in a URL and read a backslash as `/`, so `/\t/evil`
/// or `/\evil` become `//evil`, another host. Only printable ASCII without backslashes is
/// therefore kept, and the path must not start with two slashes; whatever passes is also a
/// valid header value (a control character used to make `Location` fail with a 500).
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if is_site_path(n) => n.to_owned(),
        _ => "/".to_owned(),
    }
}

fn is_site_path(n: &str) -> bool {
    let bytes = n.as_bytes();
    bytes.first() == Some(&b'/')
        && bytes.get(1) != Some(&b'/')
        && bytes.iter().all(|b| b.is_ascii_graphic() && *b != b'\\')
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn finding4_safe_next_follows_only_site_paths() {
        for ok in [
            "/",
            "/login",
            "/search?q=%E6%9C%AC&page=2",
            "/services/12#reviews",
        ] {
            assert_eq!(safe_next(Some(ok)), ok);
        }
        for bad in [
            "https://evil.example/",
            "//evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r\n/evil.example",
            "/ /evil.example",
            "/\\evil.example",
            "\\/evil.example",
            "/\u{0}x",
            "/\u{7f}",
            "/検索",
            "evil.example",
            "",
        ] {
            assert_eq!(safe_next(Some(bad)), "/", "{bad:?}");
        }
        assert_eq!(safe_next(None), "/");
    }
}
