//! File downloads: members' uploads (talk-room attachments) and generated files (the Zengin
//! transfer file, data-export archives), always as a download — `Content-Disposition:
//! attachment` with the name in RFC 5987 form — never rendered by the browser as a page of this
//! site, with `nosniff`, a sandboxing policy, and out of shared caches. One place for the page
//! and the API.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::http::{HeaderName, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use yorozu_app::App;
use yorozu_app::export::{Archive, request};
use yorozu_app::ports::{FileError, FileStore};

/// A download of `bytes` named `file_name`. `content_type` is the type the uploader gave (kept
/// only if it is a plain `type/subtype`) or, for generated files, the exact type to send.
pub fn attachment(file_name: &str, content_type: &str, bytes: Vec<u8>) -> Response {
    let headers: [(HeaderName, HeaderValue); 5] = [
        (header::CONTENT_TYPE, sanitized_content_type(content_type)),
        (header::CONTENT_DISPOSITION, disposition(file_name)),
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
    (headers, bytes).into_response()
}

/// A generated text file in Shift_JIS (the Zengin transfer file).
pub fn shift_jis_text(file_name: &str, bytes: Vec<u8>) -> Response {
    let mut response = attachment(file_name, "text/plain", bytes);
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=Shift_JIS"),
    );
    // Not a member's upload: nothing is private to a session, it must simply not be kept; the
    // name is the application's own (date and id), plain ASCII.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(plain) = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, plain);
    }
    response
}

/// A member's data-export archive (a ZIP file), from the archive and part keys the use case
/// gave.
pub fn export_archive(app: &App, row: &Archive, keys: Vec<String>) -> Response {
    stored_parts(
        app.files.clone(),
        keys,
        &request::file_name(row),
        "application/zip",
        row.size_bytes,
    )
}

/// A generated file stored in parts (a data-export archive): the parts are read from the file
/// store one after the other while the body is sent, so however large the file is, only one
/// part is in memory at a time. `length` is the sum of the parts' sizes; it is sent as
/// `Content-Length` so that browsers show the download's progress.
pub fn stored_parts(
    files: Arc<dyn FileStore>,
    keys: Vec<String>,
    file_name: &str,
    content_type: &'static str,
    length: i64,
) -> Response {
    let parts = futures_util::stream::try_unfold(
        (files, keys.into_iter()),
        |(files, mut keys)| async move {
            let Some(key) = keys.next() else {
                return Ok(None);
            };
            match files.get(&key).await {
                Ok(bytes) => Ok(Some((Bytes::from(bytes), (files, keys)))),
                Err(e) => {
                    // The headers are gone already: the connection is cut, and the client sees
                    // fewer bytes than announced rather than a damaged file that looks whole.
                    tracing::error!(error = %e, part = %key, "stored download part unreadable");
                    Err::<_, FileError>(e)
                }
            }
        },
    );
    let mut response = attachment(file_name, content_type, Vec::new());
    *response.body_mut() = Body::from_stream(parts);
    let headers = response.headers_mut();
    // Not a member's upload: nothing is private to a session, it must simply not be kept.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::CONTENT_LENGTH,
        HeaderValue::from(u64::try_from(length).unwrap_or(0)),
    );
    response
}

/// The type the uploader's browser gave, if it is a plain `type/subtype`; otherwise (or if
/// absent) `application/octet-stream`.
fn sanitized_content_type(given: &str) -> HeaderValue {
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
    use super::{disposition, sanitized_content_type as content_type};

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
