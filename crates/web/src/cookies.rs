//! Reading the `Cookie` header and writing `Set-Cookie` values.
//!
//! Over HTTPS every cookie is named with the `__Host-` prefix: browsers accept such a cookie
//! only with `Secure`, `Path=/` and no `Domain`, so neither a sibling subdomain nor a
//! plain-http man in the middle can plant one (session fixation, a CSRF nonce of their
//! choosing). Over plain http (local development) the prefix would make browsers drop the
//! cookie, so the plain name is used there. A request is read with the name of its own
//! transport only: an https request never trusts a plain-named cookie.

use std::borrow::Cow;

use axum::http::HeaderMap;

pub const SESSION: &str = "yz_session";
pub const CSRF: &str = "yz_csrf";
pub const LANG: &str = "yz_lang";
pub const FLASH: &str = "yz_flash";
/// Holds the local mailbox's key once the link printed at start has been opened.
pub const MAILBOX: &str = "yz_mailbox";
/// The invite code of the link a visitor followed (友達招待), read when they sign up.
pub const INVITE: &str = "yz_invite";
/// A sign-in waiting for its two-step code (the challenge, never a session).
pub const TWO_STEP: &str = "yz_two_step";

/// The prefix browsers bind to the exact origin (secure, whole path, no domain).
const HOST_PREFIX: &str = "__Host-";

/// The cookie's name on this transport: `__Host-name` over HTTPS, `name` over plain http.
pub fn name(base: &str, secure: bool) -> Cow<'_, str> {
    if secure {
        Cow::Owned(format!("{HOST_PREFIX}{base}"))
    } else {
        Cow::Borrowed(base)
    }
}

/// The value of cookie `base` as named on this transport, if sent.
pub fn get(headers: &HeaderMap, base: &str, secure: bool) -> Option<String> {
    let name = name(base, secure);
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// A `Set-Cookie` value: HttpOnly and SameSite=Lax always; over HTTPS `Secure` and the
/// `__Host-` name.
pub fn set(base: &str, value: &str, max_age_seconds: Option<i64>, secure: bool) -> String {
    let name = name(base, secure);
    let mut cookie = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if let Some(age) = max_age_seconds {
        cookie.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        cookie.push_str("; Secure");
    }
    cookie
}

/// A `Set-Cookie` value that deletes the cookie.
pub fn clear(base: &str, secure: bool) -> String {
    set(base, "", Some(0), secure)
}

/// Whether a `Set-Cookie` value sets cookie `base` (under either name).
pub fn sets(set_cookie: &str, base: &str) -> bool {
    let name = set_cookie.split('=').next().unwrap_or("");
    name.strip_prefix(HOST_PREFIX).unwrap_or(name) == base
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_cookies_are_host_prefixed_and_secure() {
        let c = set(SESSION, "abc", Some(60), true);
        assert_eq!(
            c,
            "__Host-yz_session=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=60; Secure"
        );
        assert!(sets(&c, SESSION));
        assert_eq!(
            set(SESSION, "abc", None, false),
            "yz_session=abc; Path=/; HttpOnly; SameSite=Lax"
        );
    }

    #[test]
    fn an_https_request_ignores_plain_named_cookies() {
        let mut h = HeaderMap::new();
        h.insert(
            axum::http::header::COOKIE,
            "yz_session=planted; __Host-yz_lang=en"
                .parse()
                .expect("header"),
        );
        assert_eq!(get(&h, SESSION, true), None);
        assert_eq!(get(&h, SESSION, false).as_deref(), Some("planted"));
        assert_eq!(get(&h, LANG, true).as_deref(), Some("en"));
    }
}
