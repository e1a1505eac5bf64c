//! Devices signed in to the account (ログイン中の端末), with a way to sign the others out.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::{get, post};
use yorozu_app::AppError;
use yorozu_app::accounts::sessions::{self, SessionInfo};
use yorozu_i18n::Arg;

use crate::ctx::Ctx;
use crate::error::{PageError, PageResult};
use crate::pages::extract::SignedIn;
use crate::render::{page, redirect_with_flash};
use crate::state::AppState;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/settings/sessions", get(list))
        .route("/settings/sessions/{id}/revoke", post(revoke))
        .route("/settings/sessions/revoke-others", post(revoke_others))
}

/// One row of the table, formatted for the member.
struct SessionRow {
    id: String,
    device: String,
    ip: String,
    signed_in_at: String,
    last_active_at: String,
    current: bool,
    /// Names the device on its button, for screen readers reading the button alone.
    revoke_label: String,
}

#[derive(Template)]
#[template(path = "settings_sessions.html")]
struct SessionsPage<'a> {
    ctx: &'a Ctx,
    section: &'static str,
    rows: Vec<SessionRow>,
    has_others: bool,
}

async fn list(State(state): State<AppState>, ctx: Ctx, SignedIn(ref user): SignedIn) -> PageResult {
    let current = current_session(&ctx)?;
    let mut rows: Vec<SessionRow> = sessions::list(&state.app, user.id, current)
        .await?
        .into_iter()
        .map(|s| row(&ctx, s))
        .collect();
    // This device first, the others in the order the store gives them.
    rows.sort_by_key(|r| !r.current);
    let has_others = rows.iter().any(|r| !r.current);
    page(&SessionsPage {
        ctx: &ctx,
        section: "sessions",
        rows,
        has_others,
    })
}

async fn revoke(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    Path(id): Path<String>,
) -> PageResult {
    // This device signs out with the logout button; here only other devices are listed.
    if id == current_session(&ctx)? {
        return Err(PageError(AppError::NotFound));
    }
    sessions::revoke(&state.app, user.id, &id).await?;
    Ok(redirect_with_flash(
        &ctx,
        "/settings/sessions",
        "flash-session-revoked",
    ))
}

async fn revoke_others(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
) -> PageResult {
    let current = current_session(&ctx)?;
    sessions::sign_out_everywhere(&state.app, user.id, current).await?;
    Ok(redirect_with_flash(
        &ctx,
        "/settings/sessions",
        "flash-sessions-revoked-others",
    ))
}

fn current_session(ctx: &Ctx) -> Result<&str, PageError> {
    ctx.session_hash
        .as_deref()
        .ok_or(PageError(AppError::Unauthenticated))
}

fn row(ctx: &Ctx, s: SessionInfo) -> SessionRow {
    let device = device_name(&s.user_agent).unwrap_or_else(|| ctx.t("sessions-unknown-device"));
    SessionRow {
        revoke_label: ctx.tr.ta(
            "sessions-revoke-label",
            [("device", Arg::from(&device)), ("ip", Arg::from(&s.ip))],
        ),
        device,
        signed_in_at: ctx.datetime(&s.created_at),
        last_active_at: ctx.datetime(&s.last_seen_at),
        id: s.id,
        ip: s.ip,
        current: s.current,
    }
}

/// Browsers by a token of their user agent. Order matters: Edge and Opera also claim to be
/// Chrome, and Chrome also claims to be Safari.
const BROWSERS: &[(&str, &str)] = &[
    ("Edg", "Edge"),
    ("OPR/", "Opera"),
    ("SamsungBrowser", "Samsung Internet"),
    ("Firefox/", "Firefox"),
    ("FxiOS", "Firefox"),
    ("CriOS", "Chrome"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
    ("curl/", "curl"),
];

/// Systems, likewise ordered: iPhones say "like Mac OS X", Android says "Linux".
const SYSTEMS: &[(&str, &str)] = &[
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Android", "Android"),
    ("Windows", "Windows"),
    ("CrOS", "ChromeOS"),
    ("Macintosh", "macOS"),
    ("Mac OS X", "macOS"),
    ("Linux", "Linux"),
];

/// A readable guess such as "Chrome / Windows" from a user agent; None when nothing is known.
fn device_name(user_agent: &str) -> Option<String> {
    let find = |table: &[(&str, &'static str)]| {
        table
            .iter()
            .find(|(token, _)| user_agent.contains(token))
            .map(|(_, name)| *name)
    };
    match (find(BROWSERS), find(SYSTEMS)) {
        (Some(browser), Some(system)) => Some(format!("{browser} / {system}")),
        (Some(only), None) | (None, Some(only)) => Some(only.to_owned()),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::device_name;

    #[test]
    fn common_browsers_are_named() {
        let chrome_windows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
        assert_eq!(
            device_name(chrome_windows).as_deref(),
            Some("Chrome / Windows")
        );
        let edge = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";
        assert_eq!(device_name(edge).as_deref(), Some("Edge / Windows"));
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";
        assert_eq!(device_name(iphone).as_deref(), Some("Safari / iPhone"));
        let android = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
        assert_eq!(device_name(android).as_deref(), Some("Chrome / Android"));
        let firefox_mac =
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.0; rv:132.0) Gecko/20100101 Firefox/132.0";
        assert_eq!(device_name(firefox_mac).as_deref(), Some("Firefox / macOS"));
        assert_eq!(device_name("curl/8.5.0").as_deref(), Some("curl"));
        assert_eq!(device_name(""), None);
    }
}
