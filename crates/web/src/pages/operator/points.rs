//! Granting points (ポイント付与) to a member by e-mail address, with a note the member sees.

use askama::Template;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Form, Router};
use serde::Deserialize;
use yorozu_app::promotions::points::{self, MAX_GRANT};
use yorozu_i18n::group_digits;

use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult, form_or_page};
use crate::pages::extract::Operator;
use crate::render::{page_with_status, redirect_with_flash};
use crate::state::AppState;

const PATH: &str = "/operator/points";

pub fn routes() -> Router<AppState> {
    Router::new().route(PATH, get(show).post(grant))
}

/// What the operator typed, shown again after an error.
#[derive(Debug, Default, Deserialize)]
struct GrantForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    amount: String,
    #[serde(default)]
    note: String,
}

#[derive(Template)]
#[template(path = "operator_points.html")]
struct PointsPage<'a> {
    ctx: &'a Ctx,
    form: GrantForm,
    errors: FormErrors,
    /// The most points one grant may give, grouped for the hint.
    max: String,
}

fn render(ctx: &Ctx, form: GrantForm, errors: FormErrors, status: StatusCode) -> PageResult {
    page_with_status(
        status,
        &PointsPage {
            ctx,
            form,
            errors,
            max: group_digits(MAX_GRANT),
        },
    )
}

async fn show(ctx: Ctx, _: Operator) -> PageResult {
    render(
        &ctx,
        GrantForm::default(),
        FormErrors::default(),
        StatusCode::OK,
    )
}

async fn grant(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
    form: Result<Form<GrantForm>, FormRejection>,
) -> PageResult {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    match points::grant(&state.app, operator, &form.email, &form.amount, &form.note).await {
        // Redirect after the POST so that reloading cannot grant the points twice.
        Ok(_) => Ok(redirect_with_flash(&ctx, PATH, "flash-points-granted")),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            render(&ctx, form, errors, status)
        }
    }
}
