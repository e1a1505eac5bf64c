//! Notification settings (通知設定): one grid of event groups × channels (mail, on site) and
//! the daily digest of messages. Mail about the account and money cannot be switched off;
//! marketing mail (メルマガ and recommendations) is opt-in and has no on-site channel.

use askama::Template;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Form, Router};
use yorozu_app::accounts::CurrentUser;
use yorozu_app::mail::MailCategory;
use yorozu_app::notifications::grid::{self, Changes, Channel, Row};

use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult, form_or_page};
use crate::pages::extract::SignedIn;
use crate::render::{page_with_status, redirect_with_flash};
use crate::state::AppState;

/// The form fields that carry one ticked group per value, per channel.
const MAIL_FIELD: &str = "category";
const SITE_FIELD: &str = "site";
const DIGEST_FIELD: &str = "digest";

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/settings/notifications", get(show).post(save))
}

/// One cell's checkbox.
struct CellBox {
    enabled: bool,
    locked: bool,
}

/// One row of the grid.
struct GridRow {
    key: &'static str,
    label: String,
    hint: String,
    mail: CellBox,
    site: Option<CellBox>,
    mail_label: String,
    site_label: String,
}

#[derive(Template)]
#[template(path = "settings_notifications.html")]
struct NotificationsPage<'a> {
    ctx: &'a Ctx,
    section: &'static str,
    rows: Vec<GridRow>,
    digest: bool,
    errors: FormErrors,
}

async fn show(State(state): State<AppState>, ctx: Ctx, SignedIn(ref user): SignedIn) -> PageResult {
    render(&state, &ctx, user, StatusCode::OK, FormErrors::default()).await
}

/// Checkboxes send only the ticked cells, so every switchable cell that is not in the form
/// is switched off.
async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> PageResult {
    let pairs = form.map(|Form(p)| p).unwrap_or_default();
    let mut mail = Vec::new();
    let mut site = Vec::new();
    for (name, value) in &pairs {
        let list = match name.as_str() {
            MAIL_FIELD => &mut mail,
            SITE_FIELD => &mut site,
            _ => continue,
        };
        match MailCategory::parse(value) {
            Some(category) => list.push(category),
            None => {
                let errors = FormErrors::general(ctx.tr, "settings-notifications-unknown");
                return render(&state, &ctx, user, StatusCode::UNPROCESSABLE_ENTITY, errors).await;
            }
        }
    }
    let mut cells = Vec::new();
    for category in MailCategory::ALL {
        if !category.is_transactional() {
            cells.push((category, Channel::Mail, mail.contains(&category)));
        }
        if grid::has_site_channel(category) {
            cells.push((category, Channel::Site, site.contains(&category)));
        }
    }
    let changes = Changes {
        cells,
        message_digest: Some(pairs.iter().any(|(name, _)| name == DIGEST_FIELD)),
    };
    match grid::update(&state.app, user.id, &changes).await {
        Ok(()) => Ok(redirect_with_flash(
            &ctx,
            "/settings/notifications",
            "flash-notifications-saved",
        )),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            render(&state, &ctx, user, status, errors).await
        }
    }
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    status: StatusCode,
    errors: FormErrors,
) -> PageResult {
    let found = grid::of(&state.app, user.id).await?;
    let rows = found
        .rows
        .iter()
        .map(|r| row(ctx, r, user.email_verified))
        .collect();
    page_with_status(
        status,
        &NotificationsPage {
            ctx,
            section: "notifications",
            rows,
            digest: found.message_digest,
            errors,
        },
    )
}

fn row(ctx: &Ctx, r: &Row, email_verified: bool) -> GridRow {
    let key = r.category.key();
    let mut hint = if r.mail.locked {
        ctx.t("notifications-locked")
    } else {
        ctx.t(&format!("notifications-hint-{key}"))
    };
    // Marketing mail goes only to confirmed addresses; say so before the member tries.
    if r.category.is_marketing() && !email_verified {
        hint = format!("{hint} {}", ctx.t("notifications-confirm-first"));
    }
    let label = ctx.t(&format!("mail-category-{key}"));
    let cell_label = |channel: &str| {
        ctx.tr.tv(
            "notifications-grid-cell",
            &[
                ("group", label.as_str().into()),
                ("channel", ctx.t(channel).into()),
            ],
        )
    };
    GridRow {
        key,
        mail_label: cell_label("notifications-grid-mail"),
        site_label: cell_label("notifications-grid-site"),
        label,
        hint,
        mail: CellBox {
            enabled: r.mail.enabled,
            locked: r.mail.locked,
        },
        site: r.site.map(|c| CellBox {
            enabled: c.enabled,
            locked: c.locked,
        }),
    }
}
