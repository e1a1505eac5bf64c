//! The report form: `/report/{kind}/{id}` with a reason and a comment.

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Form, Router};
use serde::Deserialize;
use yorozu_app::moderation::Target;
use yorozu_app::moderation::report::{self, Filed, ReportInput};
use yorozu_domain::moderation::{ReportReason, ReportState};

use super::HISTORY_PATH;
use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult, form_or_page};
use crate::pages::extract::SignedIn;
use crate::render::{page_with_status, redirect_with_flash};
use crate::state::AppState;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/report/{kind}/{id}", get(show).post(send))
}

/// What the member typed, shown again after an error.
#[derive(Debug, Default, Deserialize)]
struct ReportFormInput {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    comment: String,
}

/// One radio button.
struct ReasonChoice {
    key: &'static str,
    label: String,
    checked: bool,
}

#[derive(Template)]
#[template(path = "report_form.html")]
struct ReportPage<'a> {
    ctx: &'a Ctx,
    action: String,
    title: String,
    about: String,
    reasons: Vec<ReasonChoice>,
    comment: String,
    /// A note on the member's earlier report of the same target.
    earlier: Option<String>,
    /// The earlier report was decided: nothing to send.
    decided: bool,
    errors: FormErrors,
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    user: &yorozu_app::accounts::CurrentUser,
    target: Target,
    input: ReportFormInput,
    errors: FormErrors,
    status: StatusCode,
) -> PageResult {
    let form = report::form(&state.app, user, target).await?;
    let (mut reason, mut comment) = (input.reason, input.comment);
    let mut earlier = None;
    let mut decided = false;
    if let Some((r, c, s, at)) = form.earlier {
        if reason.is_empty() && comment.is_empty() {
            reason = r.as_str().to_owned();
            comment = c;
        }
        decided = s == ReportState::Closed;
        earlier = Some(if decided {
            ctx.t("moderation-report-earlier-decided")
        } else {
            ctx.t1("moderation-report-earlier", "date", ctx.date(&at))
        });
    }
    let target_name = ctx.t(&format!("moderation-target-{}", target.kind.as_str()));
    page_with_status(
        status,
        &ReportPage {
            ctx,
            action: format!("/report/{}/{}", target.kind.as_str(), target.id),
            title: ctx.t1("moderation-report-title", "target", target_name),
            about: ctx.t1("moderation-report-about", "about", form.about),
            reasons: ReportReason::ALL
                .iter()
                .map(|r| ReasonChoice {
                    key: r.as_str(),
                    label: ctx.t(&format!("moderation-reason-{}", r.as_str())),
                    checked: reason == r.as_str(),
                })
                .collect(),
            comment,
            earlier,
            decided,
            errors,
        },
    )
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    Path((kind, id)): Path<(String, String)>,
) -> PageResult {
    let target = Target::parse(&kind, &id)?;
    render(
        &state,
        &ctx,
        user,
        target,
        ReportFormInput::default(),
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

async fn send(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    Path((kind, id)): Path<(String, String)>,
    form: Result<Form<ReportFormInput>, FormRejection>,
) -> PageResult {
    let target = Target::parse(&kind, &id)?;
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let input = ReportInput {
        reason: form.reason.clone(),
        comment: form.comment.clone(),
    };
    match report::file(&state.app, user, target, &input).await {
        Ok(Filed::Created) => Ok(redirect_with_flash(
            &ctx,
            HISTORY_PATH,
            "moderation-report-filed",
        )),
        Ok(Filed::Updated) => Ok(redirect_with_flash(
            &ctx,
            HISTORY_PATH,
            "moderation-report-updated",
        )),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            render(&state, &ctx, user, target, form, errors, status).await
        }
    }
}
