//! Yorozu's HTTP layer: server-rendered pages (askama + Fluent, htmx where it helps, every
//! form works without JavaScript), the JSON API under `/api/v1`, and operations endpoints.
//! Handlers are thin: extract, call one use case, render.

pub mod api;
pub mod client_addr;
pub mod cookies;
pub mod ctx;
mod download;
pub mod error;
mod format;
mod input_guard;
pub mod metrics;
mod ops;
pub mod pages;
mod render;
pub mod state;
mod transport;
mod upload;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::middleware::from_fn_with_state;
use tower_http::set_header::SetResponseHeaderLayer;

pub use state::{AppState, WebConfig};

/// Content Security Policy: everything from our own origin, nothing inline. The API reference
/// (`pages::api_docs`) sets its own, which also allows inline styles.
const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
                   object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/// The whole application router.
pub fn router(state: AppState) -> Router {
    let pages = Router::new()
        .merge(pages::home::routes())
        .merge(pages::help::routes())
        .merge(pages::api_docs::routes())
        .merge(pages::legal::routes())
        .merge(pages::accounts::routes())
        .merge(pages::settings::routes())
        .merge(pages::profile::routes())
        .merge(pages::identity::routes())
        .merge(pages::listings::routes())
        .merge(pages::discovery::routes())
        .merge(pages::orders::routes())
        .merge(pages::paperwork::routes())
        .merge(pages::sales::routes())
        .merge(pages::operator::routes())
        .merge(pages::two_step::routes())
        .merge(pages::mailbox::routes())
        .merge(pages::unsubscribe::routes())
        .merge(pages::withdrawal::routes())
        .merge(pages::export::routes())
        .merge(pages::moderation::routes())
        .merge(pages::lang::routes())
        .merge(pages::safety::routes())
        .merge(pages::notification_centre::routes())
        .merge(pages::offers::routes())
        .merge(pages::requests::routes())
        .merge(pages::follows::routes())
        .merge(pages::invitations::routes())
        .fallback(not_found)
        // Inside the context middleware, which renders its refusal as a page.
        .layer(from_fn_with_state(state.clone(), input_guard::pages))
        .layer(from_fn_with_state(state.clone(), ctx::middleware));

    Router::new()
        .merge(pages)
        .nest("/api/v1", api::routes(state.clone()))
        .merge(ops::routes())
        .merge(pages::api_docs::asset_routes())
        .merge(pages::export::public_routes())
        .layer(from_fn_with_state(state.clone(), metrics::middleware))
        .layer(from_fn_with_state(state.web.clone(), transport::hsts))
        .layer(axum::extract::DefaultBodyLimit::max(
            state.web.max_body_bytes,
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(tower_http::trace::TraceLayer::new_for_http())
        .with_state(state)
}

/// `/metrics` alone, for `yorozu serve --metrics-bind`: an address only the monitoring
/// network reaches, so no bearer secret is asked there.
pub fn metrics_router(state: AppState) -> Router {
    ops::metrics_routes().with_state(state)
}

async fn not_found() -> error::PageError {
    error::PageError(yorozu_app::AppError::NotFound)
}
