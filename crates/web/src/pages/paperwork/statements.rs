//! A seller's monthly statements: the months with completed sales (`GET /sales/statements`)
//! and one month's statement (`GET /sales/statements/{yyyy-mm}`). Every member may sell, so
//! every signed-in member has the pages; they only ever show the member's own sales.

use askama::Template;
use axum::extract::{Path, State};
use yorozu_app::AppError;
use yorozu_app::paperwork::statement::{self, LineKind, YearMonth};
use yorozu_domain::OrderId;
use yorozu_i18n::Arg;

use super::{Issuer, TaxLine, issuer, month_label, tax_line, text_message, yen};
use crate::ctx::Ctx;
use crate::error::{PageError, PageResult};
use crate::pages::extract::SignedIn;
use crate::render::page;
use crate::state::AppState;

/// A month to open.
struct MonthLink {
    label: String,
    href: String,
    current: bool,
}

fn month_links(ctx: &Ctx, months: &[YearMonth], current: Option<YearMonth>) -> Vec<MonthLink> {
    months
        .iter()
        .map(|m| MonthLink {
            label: month_label(ctx, *m),
            href: format!("/sales/statements/{m}"),
            current: Some(*m) == current,
        })
        .collect()
}

#[derive(Template)]
#[template(path = "paperwork_statements.html")]
struct ListPage<'a> {
    ctx: &'a Ctx,
    months: Vec<MonthLink>,
}

pub(super) async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
) -> PageResult {
    let months = statement::months(&state.app, user).await?;
    page(&ListPage {
        months: month_links(&ctx, &months, None),
        ctx: &ctx,
    })
}

/// One completed sale, ready to print.
struct Row {
    order_id: OrderId,
    completed: String,
    title: String,
    price: String,
    fee: String,
    share: String,
}

#[derive(Template)]
#[template(path = "paperwork_statement.html")]
struct StatementPage<'a> {
    ctx: &'a Ctx,
    title: String,
    issued: String,
    addressee: String,
    period: String,
    provisional: bool,
    rows: Vec<Row>,
    count: String,
    sales_total: String,
    fee_total: String,
    share_total: String,
    fee_tax: TaxLine,
    issuer: Issuer,
    months: Vec<MonthLink>,
}

pub(super) async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    Path(month): Path<String>,
) -> PageResult {
    let month = YearMonth::parse(&month).ok_or(PageError(AppError::NotFound))?;
    let s = statement::statement(&state.app, user, month).await?;
    let rows = s
        .lines
        .iter()
        .map(|l| Row {
            order_id: l.order_id,
            completed: ctx.date(&l.completed_at),
            title: match &l.kind {
                LineKind::Sale => l.service_title.clone(),
                LineKind::Addition(what) => ctx.tr.ta(
                    "paperwork-statement-addition",
                    [
                        ("service", Arg::Text(l.service_title.clone())),
                        ("title", Arg::Text(what.clone())),
                    ],
                ),
                LineKind::Tip => {
                    text_message(&ctx, "paperwork-statement-tip", "service", &l.service_title)
                }
            },
            price: yen(&ctx, l.price),
            fee: yen(&ctx, l.platform_fee),
            share: yen(&ctx, l.seller_share),
        })
        .collect();
    page(&StatementPage {
        title: ctx.tr.ta(
            "paperwork-statement-title",
            [("month", Arg::Text(month_label(&ctx, month)))],
        ),
        issued: ctx.date(&s.issued_at),
        addressee: text_message(&ctx, "paperwork-addressee", "name", &s.seller_name),
        period: ctx.tr.ta(
            "paperwork-statement-period-value",
            [
                ("from", ctx.date(&month.start()).into()),
                ("to", ctx.date(&(month.end() - 1)).into()),
            ],
        ),
        provisional: !s.closed,
        rows,
        count: ctx.t1("paperwork-statement-count", "count", s.lines.len()),
        sales_total: yen(&ctx, s.sales_total),
        fee_total: yen(&ctx, s.fee_total.taxable),
        share_total: yen(&ctx, s.share_total),
        fee_tax: tax_line(&ctx, &s.fee_total),
        issuer: issuer(&s.issuer),
        months: month_links(&ctx, &s.months, Some(month)),
        ctx: &ctx,
    })
}
