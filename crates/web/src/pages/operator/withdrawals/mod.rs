//! Withdrawal statistics (`GET /operator/withdrawals`, 退会の統計): accounts closed, undone,
//! purged and scheduled per month; the reasons given per month as a chart with the same
//! numbers in a table; the blockers members met most; the latest comments. The numbers come
//! from tables that hold nobody's id, so nothing here can lead back to a person.
//!
//! The chart's stylesheet is separate from `app.css` because only this page needs it.

mod chart;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use yorozu_app::withdrawal::stats::{self, HintOutcomes, MonthCounts, WithdrawalStats};
use yorozu_i18n::Arg;

use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::pages::discovery::count_arg;
use crate::pages::extract::Operator;
use crate::render::page;
use crate::state::AppState;

const PATH: &str = "/operator/withdrawals";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(PATH, get(show))
        .route("/static/operator/withdrawals.css", get(stylesheet))
}

async fn stylesheet() -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_bytes!("../../../../static/operator/withdrawals.css").as_slice(),
    )
        .into_response()
}

/// One month's counts, with the month in words.
struct CountsRow {
    month: String,
    counts: MonthCounts,
}

/// One reason in the legend and the table: its name, colour and total.
struct LegendItem {
    label: String,
    colour: &'static str,
    total: i64,
}

/// One month of the reasons' table (the chart's numbers for screen readers).
struct ReasonsRow {
    month: String,
    counts: Vec<i64>,
    total: i64,
}

struct ChartView {
    title: String,
    desc: String,
    drawing: chart::StackedChart,
    /// The reasons in the chart's order, with their colours and totals.
    legend: Vec<LegendItem>,
    table: Vec<ReasonsRow>,
}

impl ChartView {
    /// The tooltip of a segment: the reason and its count.
    fn segment_title(&self, segment: &chart::Segment, ctx: &Ctx) -> String {
        let reason = self
            .legend
            .get(segment.series)
            .map(|l| l.label.clone())
            .unwrap_or_default();
        ctx.tr.ta(
            "op-withdrawals-segment",
            [
                ("reason", Arg::from(reason)),
                ("count", count_arg(segment.count)),
            ],
        )
    }
}

struct BlockerRow {
    label: String,
    count: String,
}

struct CommentRow {
    month: String,
    comment: String,
}

#[derive(Template)]
#[template(path = "operator_withdrawals.html")]
struct StatsPage<'a> {
    ctx: &'a Ctx,
    months: usize,
    counts: Vec<CountsRow>,
    chart: ChartView,
    no_reason: String,
    blockers: Vec<BlockerRow>,
    comments: Vec<CommentRow>,
    hints: HintsView,
}

/// Members who saw improvement hints on the withdrawal page, and what became of them.
struct HintsView {
    lead: String,
    rows: Vec<(&'static str, String, String)>,
}

/// 「3人（42.8%）」.
fn share(ctx: &Ctx, count: i64, permille: Option<i64>) -> String {
    match permille {
        Some(p) => ctx.tr.ta(
            "op-withdrawals-hints-share",
            [
                ("count", count_arg(count)),
                ("percent", Arg::Text(format!("{}.{}", p / 10, p % 10))),
            ],
        ),
        None => ctx
            .tr
            .ta("op-withdrawals-hints-value", [("count", count_arg(count))]),
    }
}

fn hints_view(ctx: &Ctx, h: &HintOutcomes) -> HintsView {
    let days = yorozu_app::withdrawal::hints::STAY_DAYS;
    let value = |n: i64| {
        ctx.tr
            .ta("op-withdrawals-hints-value", [("count", count_arg(n))])
    };
    HintsView {
        lead: ctx.t1("op-withdrawals-hints-lead", "days", days),
        rows: vec![
            (
                "settled",
                ctx.t("op-withdrawals-hints-settled"),
                value(h.settled()),
            ),
            (
                "withdrew",
                ctx.t("op-withdrawals-hints-withdrew"),
                share(ctx, h.withdrew, h.withdrew_permille()),
            ),
            (
                "stayed",
                ctx.t("op-withdrawals-hints-stayed"),
                share(ctx, h.stayed, h.stayed_permille()),
            ),
            (
                "pending",
                ctx.t1("op-withdrawals-hints-pending", "days", days),
                value(h.pending),
            ),
        ],
    }
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
) -> PageResult {
    let s = stats::load(&state.app, operator).await?;
    page(&StatsPage {
        ctx: &ctx,
        months: s.months.len(),
        counts: s
            .counts
            .iter()
            .map(|c| CountsRow {
                month: month_label(&ctx, &c.month),
                counts: c.clone(),
            })
            .collect(),
        chart: chart_view(&ctx, &s),
        no_reason: ctx.tr.ta(
            "op-withdrawals-no-reason",
            [("count", count_arg(s.no_reason))],
        ),
        blockers: s
            .blockers
            .iter()
            .map(|(kind, n)| BlockerRow {
                label: ctx.t(&format!("withdrawal-blocker-{}", kind.key())),
                count: ctx
                    .tr
                    .ta("op-withdrawals-count", [("count", count_arg(*n))]),
            })
            .collect(),
        comments: s
            .comments
            .iter()
            .map(|(month, comment)| CommentRow {
                month: month_label(&ctx, month),
                comment: comment.clone(),
            })
            .collect(),
        hints: hints_view(&ctx, &s.hints),
    })
}

/// `YYYY-MM` as people name a month: 「2026年7月」, "2026-07". Text arguments, so that the
/// year is not grouped like an amount.
fn month_label(ctx: &Ctx, month: &str) -> String {
    let (year, number) = month.split_once('-').unwrap_or((month, ""));
    ctx.tr.ta(
        "op-withdrawals-month",
        [
            ("year", Arg::from(year)),
            ("month", Arg::from(number.trim_start_matches('0'))),
            ("month2", Arg::from(number)),
        ],
    )
}

fn chart_view(ctx: &Ctx, s: &WithdrawalStats) -> ChartView {
    let legend: Vec<LegendItem> = s
        .reasons
        .iter()
        .enumerate()
        .map(|(i, series)| LegendItem {
            label: ctx.t(&format!("withdrawal-reason-{}", series.choice.key())),
            colour: chart::colour(i),
            total: series.total,
        })
        .collect();
    let table: Vec<ReasonsRow> = s
        .months
        .iter()
        .enumerate()
        .map(|(m, month)| {
            let counts: Vec<i64> = s
                .reasons
                .iter()
                .map(|r| r.per_month.get(m).copied().unwrap_or(0))
                .collect();
            ReasonsRow {
                month: month_label(ctx, month),
                total: counts.iter().sum(),
                counts,
            }
        })
        .collect();
    let drawing = chart::stacked_bars(
        table
            .iter()
            .map(|row| chart::Entry {
                label: row.month.clone(),
                values: row.counts.clone(),
            })
            .collect(),
    );
    let from = table.first().map(|r| r.month.clone()).unwrap_or_default();
    let to = table.last().map(|r| r.month.clone()).unwrap_or_default();
    let total: i64 = legend.iter().map(|l| l.total).sum();
    // The first of the most chosen reasons, if any was chosen.
    let top = legend
        .iter()
        .filter(|l| l.total > 0)
        .fold(None::<&LegendItem>, |top, l| match top {
            Some(t) if t.total >= l.total => Some(t),
            _ => Some(l),
        });
    let desc = match top {
        Some(top) => ctx.tr.ta(
            "op-withdrawals-chart-desc",
            [
                ("from", Arg::from(&from)),
                ("to", Arg::from(&to)),
                ("total", count_arg(total)),
                ("top", Arg::from(&top.label)),
                ("top_count", count_arg(top.total)),
            ],
        ),
        None => ctx.tr.ta(
            "op-withdrawals-chart-desc-empty",
            [("from", Arg::from(&from)), ("to", Arg::from(&to))],
        ),
    };
    ChartView {
        title: ctx.t1("op-withdrawals-chart-title", "months", s.months.len()),
        desc,
        drawing,
        legend,
        table,
    }
}
