//! Whether a request arrived over HTTPS, and what follows from it (HSTS).
//!
//! TLS usually ends at a reverse proxy, so the connection itself is plain http. The request
//! counts as HTTPS when the base URL says https (the operator vouches for every request), or,
//! with `--trust-proxy`, when the proxy says so in `X-Forwarded-Proto`. Without trust the
//! header is ignored: any client could send it.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::state::WebConfig;

/// Two years, subdomains included: what the HSTS preload list asks for.
const HSTS: &str = "max-age=63072000; includeSubDomains";

/// True when this request reached the site over HTTPS.
pub fn arrived_over_https(headers: &HeaderMap, web: &WebConfig) -> bool {
    web.secure_cookies || (web.trust_proxy && forwarded_https(headers))
}

/// The proxy's `X-Forwarded-Proto`: the scheme the client used at the edge (the left-most
/// value when proxies append). Forging it only changes the forger's own cookies.
fn forwarded_https(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .is_some_and(|proto| proto.trim().eq_ignore_ascii_case("https"))
}

/// Adds `Strict-Transport-Security` to every answer given over HTTPS (never over plain http,
/// where it would be meaningless and would break a local `http://` setup).
pub async fn hsts(
    State(web): State<std::sync::Arc<WebConfig>>,
    request: Request,
    next: Next,
) -> Response {
    let https = arrived_over_https(request.headers(), &web);
    let mut response = next.run(request).await;
    if https {
        response.headers_mut().insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    response
}
