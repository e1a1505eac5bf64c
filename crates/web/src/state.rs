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
    /// The site is served over HTTPS (the base URL says so): cookies are `__Host-` and
    /// `Secure`, and HSTS is sent, whatever the request says.
    pub secure_cookies: bool,
    /// Mail is captured locally and the `/mailbox` pages exist (no SMTP server configured).
    pub mailbox_enabled: bool,
    /// The secret that opens the local mailbox (printed in the start line as the mailbox
    /// link); operators need none. Empty opens nothing.
    pub mailbox_key: String,
    /// Largest request body accepted (uploads included).
    pub max_body_bytes: usize,
    /// Take the client address from `X-Forwarded-For` (behind a trusted reverse proxy only).
    pub trust_proxy: bool,
    /// How many reverse proxies of ours append to `X-Forwarded-For` (used with `trust_proxy`).
    pub trusted_proxy_hops: usize,
    /// `Authorization: Bearer` secret for `/metrics`; without it `/metrics` is not served on
    /// the site's address (see `yorozu serve --metrics-bind`).
    pub metrics_token: Option<String>,
}

impl Default for WebConfig {
    fn default() -> WebConfig {
        WebConfig {
            secure_cookies: false,
            mailbox_enabled: false,
            mailbox_key: String::new(),
            max_body_bytes: 12 * 1024 * 1024,
            trust_proxy: false,
            trusted_proxy_hops: 0,
            metrics_token: None,
        }
    }
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
