//! Talk-room attachments for download (`GET /orders/{id}/files/{attachment_id}`), served only
//! to the order's parties (the use case answers "not found" to anyone else).
//!
//! Files come from members, so they are never rendered by the browser as a page of this site:
//! always a download (`Content-Disposition: attachment`, the name in RFC 5987 form), with
//! `nosniff` and a sandboxing policy, and kept out of shared caches.

use axum::extract::{Path, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::response::IntoResponse;
use yorozu_app::orders::talk;

use super::path_id;
use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::pages::settings::signed_in;
use crate::state::AppState;

pub(super) async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, attachment_id)): Path<(String, String)>,
) -> PageResult {
    let user = signed_in!(ctx);
    let id = path_id(&id)?;
    let attachment_id = path_id(&attachment_id)?;
    let (row, bytes) = talk::attachment(&state.app, user, id, attachment_id).await?;
    let headers: [(HeaderName, HeaderValue); 5] = [
        (header::CONTENT_TYPE, content_type(&row.content_type)),
        (header::CONTENT_DISPOSITION, disposition(&row.file_name)),
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        ),
        (
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("sandbox; default-src 'none'"),
        ),
    ];
    Ok((headers, bytes).into_response())
}

/// The type the uploader's browser gave, if it is a plain `type/subtype`; otherwise (or if
/// absent) `application/octet-stream`.
fn content_type(given: &str) -> HeaderValue {
    let plain = given.split_once('/').is_some_and(|(t, s)| {
        let token = |x: &str| {
            !x.is_empty()
                && x.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"!#$&-^_.+".contains(&b))
        };
        token(t) && token(s)
    });
    if plain {
        HeaderValue::from_str(&given.to_ascii_lowercase())
            .unwrap_or(HeaderValue::from_static("application/octet-stream"))
    } else {
        HeaderValue::from_static("application/octet-stream")
    }
}

/// `attachment; filename="…"; filename*=UTF-8''…`: an ASCII fallback for old clients, and the
/// real name percent-encoded (RFC 5987 / RFC 6266).
fn disposition(file_name: &str) -> HeaderValue {
    let fallback: String = file_name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded = urlencoding::encode(file_name);
    HeaderValue::from_str(&format!(
        "attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}"
    ))
    .unwrap_or(HeaderValue::from_static("attachment"))
}

#[cfg(test)]
mod tests {
    use super::{content_type, disposition};

    #[test]
    fn names_are_ascii_with_an_encoded_original() {
        assert_eq!(
            disposition("見積もり 1.pdf").to_str().ok(),
            Some(
                "attachment; filename=\"____ 1.pdf\"; filename*=UTF-8''%E8%A6%8B%E7%A9%8D%E3%82%82%E3%82%8A%201.pdf"
            )
        );
        assert_eq!(
            disposition("a\"b\\c.txt").to_str().ok(),
            Some("attachment; filename=\"a_b_c.txt\"; filename*=UTF-8''a%22b%5Cc.txt")
        );
    }

    #[test]
    fn only_plain_types_are_passed_on() {
        assert_eq!(content_type("image/PNG"), "image/png");
        assert_eq!(
            content_type("text/html; charset=utf-8"),
            "application/octet-stream"
        );
        assert_eq!(content_type(""), "application/octet-stream");
    }
}
