//! The sales page (売上管理, `GET /sales`): what the seller can have paid out and what is still
//! in escrow, the fee rule and the next transfer date, the way to request a payout (or why
//! there is none), each sale with its deadline, the payout requests and monthly earnings.

use askama::Template;
use axum::extract::State;
use yorozu_app::payouts::sales::MonthTotal;
use yorozu_app::payouts::{PayoutRequest, SaleLine, bank, sales};
use yorozu_domain::OrderId;
use yorozu_domain::Yen;
use yorozu_domain::payouts::SaleState;
use yorozu_i18n::Arg;

use super::chart::{self, BarChart};
use super::{
    BlockerView, date_label, fee_rule_text, iso_date_label, no_store, payout_outlook,
    request_status_label, yen,
};
use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::pages::extract::SignedIn;
use crate::render::page;
use crate::state::AppState;

/// One sale as listed.
struct SaleView {
    order_id: OrderId,
    title: String,
    /// A tip's line (おひねり) rather than the order's own sale.
    tip: bool,
    amount: String,
    credited: String,
    deadline: String,
    /// `open`, `requested` or `expired` (a class name and the label's key).
    state: &'static str,
    state_label: String,
}

/// One payout request as listed.
struct RequestView {
    requested: String,
    gross: String,
    fee: String,
    net: String,
    transfer_date: String,
    /// The status key (a class name).
    status: &'static str,
    status_label: String,
    failure_note: Option<String>,
}

/// The chart with its accessible name and description.
struct ChartView {
    title: String,
    desc: String,
    drawing: BarChart,
}

#[derive(Template)]
#[template(path = "sales.html")]
struct OverviewPage<'a> {
    ctx: &'a Ctx,
    /// Members following the seller (the link leads to who they are).
    follower_count: i64,
    available: String,
    in_escrow: String,
    fee_rule: String,
    next_transfer_date: String,
    /// Why the payout button is not offered; `None` when it is.
    blocker: Option<BlockerView>,
    sales: Vec<SaleView>,
    /// Days a sale can be requested after it is credited.
    validity_days: i64,
    any_expired: bool,
    requests: Vec<RequestView>,
    chart: ChartView,
}

pub(super) async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
) -> PageResult {
    let data = sales::page(&state.app, user).await?;
    let account = bank::view(&state.app, user).await?;
    let follower_count = yorozu_app::follows::follower_count(&state.app, user.id).await?;
    let rule = state.app.policy.transfer_fee;
    let hold_hours = state.app.policy.bank_change_hold_hours;
    let blocker = payout_outlook(&data, account.as_ref(), rule, hold_hours)
        .err()
        .map(|b| BlockerView::new(&ctx, &b));
    let sales = data
        .sales
        .iter()
        .map(|s| sale_view(&ctx, &data, s))
        .collect::<Vec<_>>();
    no_store(page(&OverviewPage {
        available: yen(&ctx, data.available),
        in_escrow: yen(&ctx, data.in_escrow),
        fee_rule: fee_rule_text(&ctx, rule),
        next_transfer_date: date_label(&ctx, data.next_transfer_date),
        blocker,
        validity_days: data.validity_days,
        any_expired: data.sales.iter().any(|s| s.state() == SaleState::Expired),
        sales,
        requests: data
            .requests
            .iter()
            .map(|r| request_view(&ctx, r))
            .collect(),
        chart: chart_view(&ctx, &data.months),
        follower_count,
        ctx: &ctx,
    }))
}

fn sale_view(ctx: &Ctx, data: &sales::SalesPage, s: &SaleLine) -> SaleView {
    let state = s.state().as_str();
    SaleView {
        order_id: s.order_id,
        title: s.listing_title.clone(),
        tip: s.tip_id.is_some(),
        amount: yen(ctx, s.amount),
        credited: ctx.date(&s.credited_at),
        deadline: date_label(ctx, data.deadline(s.credited_at)),
        state,
        state_label: ctx.t(&format!("sales-sale-state-{state}")),
    }
}

fn request_view(ctx: &Ctx, r: &PayoutRequest) -> RequestView {
    RequestView {
        requested: ctx.date(&r.requested_at),
        gross: yen(ctx, r.gross),
        fee: yen(ctx, r.fee),
        net: yen(ctx, r.net),
        transfer_date: iso_date_label(ctx, &r.transfer_date),
        status: r.status.as_str(),
        status_label: request_status_label(ctx, r.status),
        failure_note: r.failure_reason.as_deref().map(|reason| {
            let key = format!("sales-failure-{}", reason.replace('_', "-"));
            if ctx.tr.has(&key) {
                ctx.t(&key)
            } else {
                ctx.t("sales-failure-other")
            }
        }),
    }
}

/// A month as people name it: 「2026年7月」, "2026-07". Text arguments, so that the year is
/// not grouped like an amount.
fn month_label(ctx: &Ctx, m: &MonthTotal) -> String {
    ctx.tr.ta(
        "sales-chart-month",
        [
            ("year", Arg::Text(m.year.to_string())),
            ("month", Arg::Text(m.month.to_string())),
            ("month2", Arg::Text(format!("{:02}", m.month))),
        ],
    )
}

fn chart_view(ctx: &Ctx, months: &[MonthTotal]) -> ChartView {
    let entries: Vec<chart::Entry> = months
        .iter()
        .map(|m| chart::Entry {
            label: month_label(ctx, m),
            amount: m.amount.get(),
            amount_label: yen(ctx, m.amount),
        })
        .collect();
    let from = entries.first().map(|e| e.label.clone()).unwrap_or_default();
    let to = entries.last().map(|e| e.label.clone()).unwrap_or_default();
    // Twelve monthly sums cannot reach the largest amount; saturate rather than fail a page.
    let total = months
        .iter()
        .try_fold(Yen::ZERO, |total, m| total.checked_add(m.amount))
        .unwrap_or(Yen::new(i64::MAX));
    // The first of the largest months, if any month earned anything.
    let best = entries
        .iter()
        .filter(|e| e.amount > 0)
        .fold(None::<&chart::Entry>, |best, e| match best {
            Some(b) if b.amount >= e.amount => Some(b),
            _ => Some(e),
        });
    let desc = match best {
        Some(best) => ctx.tr.ta(
            "sales-chart-desc",
            [
                ("from", Arg::from(&from)),
                ("to", Arg::from(&to)),
                ("total", Arg::from(yen(ctx, total))),
                ("best", Arg::from(&best.label)),
                ("best_amount", Arg::from(&best.amount_label)),
            ],
        ),
        None => ctx.tr.ta(
            "sales-chart-desc-empty",
            [("from", Arg::from(&from)), ("to", Arg::from(&to))],
        ),
    };
    ChartView {
        title: ctx.t("sales-chart-title"),
        desc,
        drawing: chart::bar_chart(entries),
    }
}
