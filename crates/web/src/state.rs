//! What every handler can reach.

use std::sync::Arc;

use yorozu_app::App;

use crate::metrics::Metrics;

#[derive(Debug, Clone)]
pub struct AppState {
    pub app: App,
    pub web: Arc<WebConfig>,
    pub metrics: Arc<Metrics>,
}

/// Settings of the HTTP layer.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Cookies get `Secure` when the site is served over HTTPS.
    pub secure_cookies: bool,
    /// Mail is captured locally and the `/mailbox` pages exist (no SMTP server configured).
    pub mailbox_enabled: bool,
    /// Largest request body accepted (uploads included).
    pub max_body_bytes: usize,
    /// Take the client address from `X-Forwarded-For` (behind a trusted reverse proxy only).
    pub trust_proxy: bool,
    /// How many reverse proxies of ours append to `X-Forwarded-For` (used with `trust_proxy`).
    pub trusted_proxy_hops: usize,
}

impl WebConfig {
    /// The proxy hops whose `X-Forwarded-For` entries are believed: none unless the proxy is
    /// trusted, at least one when it is.
    pub fn forwarded_hops(&self) -> usize {
        if self.trust_proxy {
            self.trusted_proxy_hops.max(1)
        } else {
            0
        }
    }
}
