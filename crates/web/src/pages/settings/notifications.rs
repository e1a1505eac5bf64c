//! Notification settings (通知設定): which kinds of mail the member receives. Mail about the
//! account and money cannot be switched off; marketing mail (メルマガ and recommendations)
//! is opt-in.

use askama::Template;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Form, Router};
use yorozu_app::accounts::CurrentUser;
use yorozu_app::mail::MailCategory;
use yorozu_app::mail::settings::{self, Setting};

use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult, form_or_page};
use crate::pages::extract::SignedIn;
use crate::render::{page_with_status, redirect_with_flash};
use crate::state::AppState;

/// The form field that carries one ticked category per value.
const FIELD: &str = "category";

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/settings/notifications", get(show).post(save))
}

/// One checkbox.
struct CategoryRow {
    key: &'static str,
    label: String,
    hint: String,
    enabled: bool,
    locked: bool,
}

#[derive(Template)]
#[template(path = "settings_notifications.html")]
struct NotificationsPage<'a> {
    ctx: &'a Ctx,
    section: &'static str,
    rows: Vec<CategoryRow>,
    errors: FormErrors,
}

async fn show(State(state): State<AppState>, ctx: Ctx, SignedIn(ref user): SignedIn) -> PageResult {
    render(&state, &ctx, user, StatusCode::OK, FormErrors::default()).await
}

/// Checkboxes send only the ticked categories, so every switchable category that is not in
/// the form is switched off.
async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> PageResult {
    let pairs = form.map(|Form(p)| p).unwrap_or_default();
    let mut ticked = Vec::new();
    for (_, value) in pairs.iter().filter(|(name, _)| name == FIELD) {
        match MailCategory::parse(value) {
            Some(category) => ticked.push(category),
            None => {
                let errors = FormErrors::general(ctx.tr, "settings-notifications-unknown");
                return render(&state, &ctx, user, StatusCode::UNPROCESSABLE_ENTITY, errors).await;
            }
        }
    }
    let choices: Vec<(MailCategory, bool)> = MailCategory::ALL
        .into_iter()
        .filter(|c| !c.is_transactional())
        .map(|c| (c, ticked.contains(&c)))
        .collect();
    match settings::update(&state.app, user.id, &choices).await {
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
    let rows = settings::of(&state.app, user.id)
        .await?
        .into_iter()
        .map(|s| row(ctx, &s, user.email_verified))
        .collect();
    page_with_status(
        status,
        &NotificationsPage {
            ctx,
            section: "notifications",
            rows,
            errors,
        },
    )
}

fn row(ctx: &Ctx, s: &Setting, email_verified: bool) -> CategoryRow {
    let key = s.category.key();
    let mut hint = if s.locked {
        ctx.t("notifications-locked")
    } else {
        ctx.t(&format!("notifications-hint-{key}"))
    };
    // Marketing mail goes only to confirmed addresses; say so before the member tries.
    if s.category.is_marketing() && !email_verified {
        hint = format!("{hint} {}", ctx.t("notifications-confirm-first"));
    }
    CategoryRow {
        key,
        label: ctx.t(&format!("mail-category-{key}")),
        hint,
        enabled: s.enabled,
        locked: s.locked,
    }
}
