//! Coupons (クーポン): the list with each coupon's terms, uses and status, a form to create
//! one, and a button to stop one.

use askama::Template;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use yorozu_app::promotions::coupons::{self, Coupon, CouponInput};
use yorozu_i18n::Arg;

use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult, form_or_page};
use crate::pages::discovery::{count_arg, yen};
use crate::pages::extract::{Operator, PathId};
use crate::render::{page_with_status, redirect_with_flash};
use crate::state::AppState;

const PATH: &str = "/operator/coupons";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(PATH, get(list).post(create))
        .route("/operator/coupons/{id}/disable", post(disable))
}

/// One coupon as the list shows it.
struct CouponItem {
    id: i64,
    code: String,
    title: String,
    discount: String,
    min_order: String,
    validity: String,
    uses: String,
    status: String,
    /// Still usable or not yet stopped: offer the stop button.
    can_disable: bool,
    disable_label: String,
}

impl CouponItem {
    fn new(ctx: &Ctx, row: Coupon, uses: i64, now: i64) -> CouponItem {
        let status = match row.disabled_at {
            Some(at) => ctx.t1("op-coupons-status-disabled", "date", ctx.date(&at)),
            None if now >= row.expires_at => ctx.t("op-coupons-status-expired"),
            None if now < row.starts_at => ctx.t("op-coupons-status-scheduled"),
            None => ctx.t("op-coupons-status-active"),
        };
        CouponItem {
            id: row.id,
            discount: yen(ctx, row.discount.get()),
            min_order: yen(ctx, row.min_order.get()),
            validity: ctx.tr.ta(
                "op-coupons-validity",
                [
                    ("from", Arg::from(ctx.datetime(&row.starts_at))),
                    ("until", Arg::from(ctx.datetime(&row.expires_at))),
                ],
            ),
            uses: ctx.tr.ta("op-coupons-uses", [("count", count_arg(uses))]),
            status,
            can_disable: row.disabled_at.is_none() && now < row.expires_at,
            disable_label: ctx.t1("op-coupons-disable-label", "code", &row.code),
            code: row.code,
            title: row.title,
        }
    }
}

/// What the operator typed, shown again after an error.
#[derive(Debug, Default, Deserialize)]
struct CouponForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    discount: String,
    #[serde(default)]
    min_order: String,
    #[serde(default)]
    valid_days: String,
}

#[derive(Template)]
#[template(path = "operator_coupons.html")]
struct CouponsPage<'a> {
    ctx: &'a Ctx,
    coupons: Vec<CouponItem>,
    form: CouponForm,
    errors: FormErrors,
}

async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
) -> PageResult {
    let rows = coupons::list(&state.app, operator).await?;
    let form = CouponForm {
        valid_days: "30".into(),
        ..CouponForm::default()
    };
    render(
        &state,
        &ctx,
        rows,
        form,
        FormErrors::default(),
        StatusCode::OK,
    )
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
    form: Result<Form<CouponForm>, FormRejection>,
) -> PageResult {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let input = CouponInput {
        code: form.code.clone(),
        title: form.title.clone(),
        discount: form.discount.clone(),
        min_order: form.min_order.clone(),
        valid_days: form.valid_days.clone(),
    };
    match coupons::create(&state.app, operator, &input).await {
        Ok(_) => Ok(redirect_with_flash(&ctx, PATH, "flash-coupon-created")),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            let rows = coupons::list(&state.app, operator).await?;
            render(&state, &ctx, rows, form, errors, status)
        }
    }
}

async fn disable(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
    PathId(id): PathId,
) -> PageResult {
    coupons::disable(&state.app, operator, id).await?;
    Ok(redirect_with_flash(&ctx, PATH, "flash-coupon-disabled"))
}

fn render(
    state: &AppState,
    ctx: &Ctx,
    rows: Vec<(Coupon, i64)>,
    form: CouponForm,
    errors: FormErrors,
    status: StatusCode,
) -> PageResult {
    let now = state.app.now();
    page_with_status(
        status,
        &CouponsPage {
            ctx,
            coupons: rows
                .into_iter()
                .map(|(row, uses)| CouponItem::new(ctx, row, uses, now))
                .collect(),
            form,
            errors,
        },
    )
}
