//! The page (`GET /settings/export`) and the request (`POST /settings/export`).
//!
//! While an archive is built the page refreshes itself every few seconds (a `<meta>` refresh,
//! no script), so the progress bar moves and the download link appears when it is ready. A
//! request that is refused (one is being built, or the last one is less than a day old) shows
//! the page again with the reason.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use yorozu_app::accounts::CurrentUser;
use yorozu_app::export::signed::PUBLIC_KEY_PATH;
use yorozu_app::export::{Archive, HOURS_BETWEEN, PAGE_PATH, VALID_DAYS, request as export};
use yorozu_domain::export::ArchiveStatus;

use super::download_path;
use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult, form_or_page};
use crate::format::file_size;
use crate::pages::extract::SignedIn;
use crate::render::{page_with_status, redirect_with_flash};
use crate::state::AppState;

/// A ready archive's link and what the member should know before following it.
struct DownloadLink {
    href: String,
    file_name: String,
    /// 「12.3 MB」.
    size: String,
    /// 「2026年5月8日 12:00まで」.
    until: String,
}

/// The latest archive, in words.
struct ArchiveItem {
    /// 「お申し込み日時: …」.
    requested: String,
    status: ArchiveStatus,
    /// 0–100, shown while it is built.
    progress: i64,
    /// 「アーカイブを作成しています（40%）。…」 while it is built.
    progress_text: String,
    download: Option<DownloadLink>,
}

impl ArchiveItem {
    fn new(ctx: &Ctx, row: &Archive) -> ArchiveItem {
        let progress_text = match row.status {
            ArchiveStatus::Queued => ctx.t("export-status-queued"),
            ArchiveStatus::Building => ctx.t1("export-status-building", "percent", row.progress),
            ArchiveStatus::Ready | ArchiveStatus::Failed | ArchiveStatus::Expired => String::new(),
        };
        let download = (row.status == ArchiveStatus::Ready).then(|| DownloadLink {
            href: download_path(row.id),
            file_name: export::file_name(row),
            size: file_size(row.size_bytes),
            until: row
                .expires_at
                .map(|at| ctx.t1("export-status-until-value", "date", ctx.datetime(&at)))
                .unwrap_or_default(),
        });
        ArchiveItem {
            requested: ctx.t1(
                "export-status-requested-at",
                "date",
                ctx.datetime(&row.requested_at),
            ),
            status: row.status,
            progress: row.progress.clamp(0, 100),
            progress_text,
            download,
        }
    }

    fn in_progress(&self) -> bool {
        self.status.in_progress()
    }

    fn expired(&self) -> bool {
        self.status == ArchiveStatus::Expired
    }

    fn failed(&self) -> bool {
        self.status == ArchiveStatus::Failed
    }
}

#[derive(Template)]
#[template(path = "settings_export.html")]
struct ExportPage<'a> {
    ctx: &'a Ctx,
    section: &'static str,
    archive: Option<ArchiveItem>,
    /// Whether the button is shown: nothing is being built and the last request is old enough.
    can_request: bool,
    /// 「次のお申し込みは…からできます。」 while the last request is too recent.
    next_request: Option<String>,
    /// While an archive is built the page reloads itself.
    refresh: bool,
    public_key_path: &'static str,
    valid_days: i64,
    hours_between: i64,
    errors: FormErrors,
}

pub(super) async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
) -> PageResult {
    render(&state, &ctx, user, StatusCode::OK, FormErrors::default()).await
}

pub(super) async fn request(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
) -> PageResult {
    match export::request(&state.app, user).await {
        Ok(_) => Ok(redirect_with_flash(
            &ctx,
            PAGE_PATH,
            "export-flash-requested",
        )),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            render(&state, &ctx, user, status, errors).await
        }
    }
}

/// The page as it stands now, with the reason a request was refused.
async fn render(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    status: StatusCode,
    errors: FormErrors,
) -> PageResult {
    let latest = export::latest(&state.app, user).await?;
    let archive = latest.as_ref().map(|row| ArchiveItem::new(ctx, row));
    let in_progress = archive.as_ref().is_some_and(ArchiveItem::in_progress);
    let next_at = latest
        .as_ref()
        .map(export::next_allowed_at)
        .filter(|at| *at > state.app.now());
    let mut response = page_with_status(
        status,
        &ExportPage {
            ctx,
            section: "export",
            can_request: !in_progress && next_at.is_none(),
            // While one is built the progress says it all; the date would only confuse.
            next_request: next_at
                .filter(|_| !in_progress)
                .map(|at| ctx.t1("export-request-next", "date", ctx.datetime(&at))),
            refresh: in_progress,
            archive,
            public_key_path: PUBLIC_KEY_PATH,
            valid_days: VALID_DAYS,
            hours_between: HOURS_BETWEEN,
            errors,
        },
    )?;
    // The archive's name and link are the member's own: nothing may keep a copy of the page.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}
