//! The per-request context: who is asking, in which language, and the CSRF token.
//!
//! One middleware builds it before the handler runs: it resolves the session cookie, picks
//! the locale (cookie, then the member's setting, then `Accept-Language`), makes sure the
//! browser has a CSRF nonce cookie, rejects unsafe requests whose token does not match, and
//! turns error responses into full pages in the visitor's language.
//!
//! The CSRF token in forms is not the cookie itself: it is an HMAC, under the server key, of
//! the nonce cookie and the session cookie. A token is therefore good for one browser and one
//! session only; a cookie planted by someone else (a sibling subdomain, plain http) cannot be
//! paired with a token they know, and signing in or out changes the token.

use axum::body::{Body, to_bytes};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use yorozu_app::accounts::{Client, CurrentUser, sessions};
use yorozu_app::crypto::{Signer, token_hash};
use yorozu_domain::Locale;
use yorozu_i18n::Tr;

use crate::cookies;
use crate::error::{ErrorPage, render_error_page};
use crate::state::AppState;

#[derive(Debug, Clone)]
pub struct Ctx {
    pub tr: Tr,
    pub user: Option<CurrentUser>,
    /// Hash of the session cookie (identifies "this device" in the session list).
    pub session_hash: Option<String>,
    /// The form token: bound to this browser's nonce cookie and its session (see the module).
    pub csrf: String,
    /// Path and query of this request, for "come back here" links.
    pub path: String,
    pub flash: Option<String>,
    pub client: Client,
    /// The request arrived over HTTPS: cookies are `__Host-` and `Secure`.
    pub secure: bool,
}

impl Ctx {
    pub fn locale(&self) -> Locale {
        self.tr.locale
    }

    pub fn t(&self, key: &str) -> String {
        self.tr.t(key)
    }

    /// A message with one argument (templates cannot build argument arrays). The argument's
    /// type decides how it is shown: a count is grouped, a title 「1234」 stays as typed.
    pub fn t1(&self, key: &str, name: &str, value: impl Into<yorozu_i18n::Arg>) -> String {
        self.tr.tv(key, &[(name, value.into())])
    }

    /// A date and time in Japan time, in the page's language.
    pub fn datetime(&self, unix: &i64) -> String {
        crate::format::datetime(self.locale(), *unix)
    }

    pub fn date(&self, unix: &i64) -> String {
        crate::format::date(self.locale(), *unix)
    }

    /// The flash message, translated (flash cookies carry only a message id).
    pub fn flash_text(&self) -> Option<String> {
        self.flash
            .as_deref()
            .filter(|k| self.tr.has(k))
            .map(|k| self.tr.t(k))
    }

    pub fn is_operator(&self) -> bool {
        self.user.as_ref().is_some_and(CurrentUser::is_operator)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = StatusCode;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Ctx, StatusCode> {
        parts
            .extensions
            .get::<Ctx>()
            .cloned()
            .ok_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

/// Paths that never use cookies for authority: the API takes bearer tokens, and one-click
/// unsubscribe is authorised by the signed token in its URL (RFC 8058 posts come from mail
/// clients that cannot know a CSRF token).
fn csrf_exempt(path: &str) -> bool {
    path.starts_with("/api/") || path == "/mail/unsubscribe"
}

pub async fn middleware(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (mut parts, body) = request.into_parts();
    let headers = &parts.headers;
    let secure = crate::transport::arrived_over_https(headers, &state.web);
    let client = crate::client_addr::client_of(&parts, &state.web);

    let mut user = None;
    let mut session_hash = None;
    let session_cookie = cookies::get(headers, cookies::SESSION, secure);
    if let Some(token) = &session_cookie {
        match sessions::authenticate(&state.app, token).await {
            Ok(Some((u, hash))) => {
                user = Some(u);
                session_hash = Some(hash);
            }
            Ok(None) => {}
            Err(e) => tracing::error!(error = %e, "session lookup failed"),
        }
    }

    let locale = cookies::get(headers, cookies::LANG, secure)
        .and_then(|l| Locale::parse(&l))
        .or(user.as_ref().map(|u| u.locale))
        .unwrap_or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .map(Locale::from_accept_language)
                .unwrap_or_default()
        });

    let existing_nonce = cookies::get(headers, cookies::CSRF, secure).filter(|c| usable_nonce(c));
    let nonce = existing_nonce
        .clone()
        .unwrap_or_else(yorozu_app::crypto::random_token);
    let csrf = csrf_token(&state.app.signer, &nonce, session_cookie.as_deref());
    // Only a browser that already holds the nonce can have been given a token for it.
    let expected_csrf = existing_nonce.is_some().then(|| csrf.clone());
    let flash = cookies::get(headers, cookies::FLASH, secure).filter(|f| !f.is_empty());

    let ctx = Ctx {
        tr: Tr::new(locale),
        user,
        session_hash,
        csrf: csrf.clone(),
        path: parts
            .uri
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_else(|| "/".into()),
        flash: flash.clone(),
        client,
        secure,
    };

    // CSRF: unsafe requests must echo the cookie's token (double-submit), and a cross-site
    // Origin is refused outright.
    let mut body = body;
    let unsafe_method = !matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
    if unsafe_method && !csrf_exempt(parts.uri.path()) {
        let (ok, rebuilt) = check_csrf(
            &parts,
            body,
            expected_csrf.as_deref(),
            state.web.max_body_bytes,
        )
        .await;
        body = rebuilt;
        if !ok {
            let page = ErrorPage {
                status: StatusCode::FORBIDDEN,
                code: "error-csrf".into(),
            };
            let new_nonce = existing_nonce.is_none().then_some(nonce.as_str());
            return finish(
                render_error_page(&ctx, &page),
                &ctx,
                new_nonce,
                flash.is_some(),
            );
        }
    }

    parts.extensions.insert(ctx.clone());
    let response = next.run(Request::from_parts(parts, body)).await;
    let response = match response.extensions().get::<ErrorPage>().cloned() {
        Some(page) => {
            let mut rendered = render_error_page(&ctx, &page);
            for (name, value) in response.headers() {
                if name == header::SET_COOKIE || name == header::RETRY_AFTER {
                    rendered.headers_mut().append(name, value.clone());
                }
            }
            rendered
        }
        None => response,
    };
    let new_nonce = existing_nonce.is_none().then_some(nonce.as_str());
    finish(response, &ctx, new_nonce, flash.is_some())
}

/// The CSRF token for a browser's nonce cookie and session cookie (none when signed out).
/// Public so that tests can post forms as a browser that read the token from the page.
pub fn csrf_token(signer: &Signer, nonce: &str, session_cookie: Option<&str>) -> String {
    let session = session_cookie.map(token_hash).unwrap_or_default();
    URL_SAFE_NO_PAD.encode(signer.derived_key(&format!("csrf\0{nonce}\0{session}")))
}

/// A nonce we could have issued: long enough, and only URL-safe characters (it is echoed in
/// a `Set-Cookie` header and bound into the token).
fn usable_nonce(nonce: &str) -> bool {
    (32..=128).contains(&nonce.len())
        && nonce
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Adds the CSRF nonce cookie for new visitors and clears a flash message that has been shown.
fn finish(mut response: Response, ctx: &Ctx, new_nonce: Option<&str>, had_flash: bool) -> Response {
    let sets_flash = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .any(|v| v.to_str().is_ok_and(|s| cookies::sets(s, cookies::FLASH)));
    // Only pages carry forms; images and JSON must stay cacheable without a cookie attached.
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let h = response.headers_mut();
    if let Some(nonce) = new_nonce.filter(|_| is_html) {
        push_cookie(h, &cookies::set(cookies::CSRF, nonce, None, ctx.secure));
    }
    if had_flash && !sets_flash && !response_is_redirect(h) {
        push_cookie(h, &cookies::clear(cookies::FLASH, ctx.secure));
    }
    response
}

fn response_is_redirect(h: &HeaderMap) -> bool {
    h.contains_key(header::LOCATION)
}

pub fn push_cookie(headers: &mut HeaderMap, value: &str) {
    if let Ok(v) = HeaderValue::from_str(value) {
        headers.append(header::SET_COOKIE, v);
    }
}

/// Finds the submitted token (header, query or url-encoded form field) and compares it.
async fn check_csrf(
    parts: &Parts,
    body: Body,
    expected: Option<&str>,
    limit: usize,
) -> (bool, Body) {
    if let Some(origin) = parts
        .headers
        .get(header::ORIGIN)
        .and_then(|o| o.to_str().ok())
    {
        let host = parts
            .headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("");
        let origin_host = origin.split("://").nth(1).unwrap_or("");
        if origin != "null" && origin_host != host {
            return (false, body);
        }
    }
    let Some(expected) = expected else {
        return (false, body);
    };
    let from_header = parts
        .headers
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let from_query = parts.uri.query().and_then(|q| {
        q.split('&')
            .filter_map(|kv| kv.split_once('='))
            .find(|(k, _)| *k == "_csrf")
            .map(|(_, v)| v.to_owned())
    });
    if let Some(given) = from_header.or(from_query) {
        return (
            constant_time_eq(given.as_bytes(), expected.as_bytes()),
            body,
        );
    }
    let is_form = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return (false, body);
    }
    let Ok(bytes) = to_bytes(body, limit).await else {
        return (false, Body::empty());
    };
    let given = form_urlencoded_value(&bytes, "_csrf");
    let ok = given.is_some_and(|g| constant_time_eq(g.as_bytes(), expected.as_bytes()));
    (ok, Body::from(bytes))
}

fn form_urlencoded_value(bytes: &[u8], name: &str) -> Option<String> {
    let text = std::str::from_utf8(bytes).ok()?;
    text.split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == name)
        .and_then(|(_, v)| {
            urlencoding::decode(&v.replace('+', " "))
                .ok()
                .map(|s| s.into_owned())
        })
}

/// Compares secrets in time independent of where they differ.
pub(crate) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(locale: Locale) -> Ctx {
        Ctx {
            tr: Tr::new(locale),
            user: None,
            session_hash: None,
            csrf: String::new(),
            path: "/".to_owned(),
            flash: None,
            client: Client::default(),
            secure: false,
        }
    }

    #[test]
    fn a_title_made_of_digits_is_shown_as_typed() {
        let ctx = ctx(Locale::En);
        // A number is grouped; a title 「1234」 is text and keeps its digits as typed.
        for title in ["1234", "0123", "-5"] {
            assert_eq!(
                ctx.t1("listings-delete-question", "title", title),
                format!("Delete \"{title}\"?")
            );
        }
        assert!(
            ctx.t1("error-too-long", "max", 1234_usize)
                .contains("1,234")
        );
    }
}
