//! Seller analytics (アクセス解析): `GET /sales/analytics` for every service of the seller and
//! `GET /sales/analytics/services/{id}` for one. `?days=7|30|90` picks the window and
//! `?metric=` the figure the chart draws (links, no JavaScript); the chart is the sales
//! page's bar chart ([`super::chart`]) with one bar per day, and a visually hidden table
//! holds every figure of every day for screen readers.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use yorozu_app::analytics::report::{self, Day, Figures, Ranked, Report};
use yorozu_domain::ListingId;
use yorozu_domain::analytics::{OTHER, WINDOWS, window};
use yorozu_domain::listings::ListingStatus;
use yorozu_domain::payouts::schedule::Date;
use yorozu_domain::time::Timestamp;
use yorozu_i18n::Arg;

use super::chart::{self, BarChart};
use super::hints::{HintItem, category_href, hint_items};
use super::no_store;
use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::pages::discovery::category_name;
use crate::pages::discovery::grouped;
use crate::pages::extract::{PathId, SignedIn};
use crate::render::page;
use crate::state::AppState;

/// The figures a chart can draw, as `?metric=` names them.
const METRICS: [&str; 4] = ["views", "impressions", "favorites", "orders"];

#[derive(Debug, Default, serde::Deserialize)]
pub(super) struct AnalyticsQuery {
    #[serde(default)]
    days: String,
    #[serde(default)]
    metric: String,
}

impl AnalyticsQuery {
    fn days(&self) -> i64 {
        window(Some(&self.days))
    }

    fn metric(&self) -> &'static str {
        METRICS
            .iter()
            .find(|m| **m == self.metric)
            .copied()
            .unwrap_or("views")
    }
}

fn metric_of(f: &Figures, metric: &str) -> i64 {
    match metric {
        "impressions" => f.impressions,
        "favorites" => f.favorites,
        "orders" => f.orders,
        _ => f.views,
    }
}

/// A link of the period or metric switch.
struct Switch {
    href: String,
    label: String,
    current: bool,
}

/// One day of the hidden table.
struct DayRow {
    date: String,
    impressions: String,
    views: String,
    favorites: String,
    orders: String,
}

struct ChartView {
    title: String,
    desc: String,
    drawing: BarChart,
}

/// A figure and its name.
struct Total {
    id: &'static str,
    label: String,
    value: String,
}

struct RankedRow {
    label: String,
    count: String,
}

struct ServiceRow {
    id: ListingId,
    title: String,
    link_label: String,
    impressions: String,
    views: String,
    favorites: String,
    orders: String,
    conversion: String,
}

#[derive(Template)]
#[template(path = "sales_analytics.html")]
struct AnalyticsPage<'a> {
    ctx: &'a Ctx,
    heading: String,
    /// One service's page (with a way back to all of them).
    service: Option<ListingId>,
    days: i64,
    periods: Vec<Switch>,
    metrics: Vec<Switch>,
    totals: Vec<Total>,
    chart: ChartView,
    day_rows: Vec<DayRow>,
    words: Vec<RankedRow>,
    sources: Vec<RankedRow>,
    hosts: Vec<RankedRow>,
    tags: Vec<RankedRow>,
    services: Vec<ServiceRow>,
    /// The service's share page, when it is published.
    share: Option<ListingId>,
    /// One service's improvement hints, with its category's page.
    hints: Option<HintsSection>,
}

/// The improvement hints of the service page (the same as its hints page).
struct HintsSection {
    items: Vec<HintItem>,
    category_href: String,
    category_link: String,
}

pub(super) async fn overview(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    query: Result<Query<AnalyticsQuery>, QueryRejection>,
) -> PageResult {
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let data = report::for_seller(&state.app, user, query.days()).await?;
    let services = data
        .services
        .iter()
        .map(|s| ServiceRow {
            id: s.listing_id,
            link_label: ctx.t1("analytics-link-label", "title", &s.title),
            title: s.title.clone(),
            impressions: grouped(s.figures.impressions),
            views: grouped(s.figures.views),
            favorites: grouped(s.figures.favorites),
            orders: grouped(s.figures.orders),
            conversion: conversion(&ctx, &s.figures),
        })
        .collect();
    render(
        &ctx,
        ctx.t("analytics-title"),
        None,
        "/sales/analytics",
        &query,
        &data.report,
        services,
        None,
    )
}

pub(super) async fn service(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<ListingId>,
    query: Result<Query<AnalyticsQuery>, QueryRejection>,
) -> PageResult {
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let data = report::for_service(&state.app, user, id, query.days()).await?;
    let service_hints = yorozu_app::hints::for_service(&state.app, user, id).await?;
    let hints = HintsSection {
        items: hint_items(&ctx, &service_hints),
        category_href: category_href(service_hints.category),
        category_link: ctx.t1(
            "hints-category-link",
            "category",
            Arg::Text(category_name(&ctx, service_hints.category)),
        ),
    };
    render(
        &ctx,
        ctx.t1("analytics-service-title", "title", &data.title),
        // A published service links to its share kit, whose tagged links the sources count.
        Some((id, data.status == ListingStatus::Published)),
        &format!("/sales/analytics/services/{id}"),
        &query,
        &data.report,
        Vec::new(),
        Some(hints),
    )
}

/// 「2.5%」, or a dash without views.
fn conversion(ctx: &Ctx, f: &Figures) -> String {
    match f.conversion_permille() {
        Some(p) => ctx.t1(
            "analytics-conversion-value",
            "percent",
            Arg::Text(format!("{}.{}", p / 10, p % 10)),
        ),
        None => ctx.t("analytics-conversion-none"),
    }
}

fn metric_label(ctx: &Ctx, metric: &str) -> String {
    ctx.t(&format!("analytics-{metric}"))
}

fn day_label(ctx: &Ctx, day: &Day) -> String {
    let date = Date::in_japan(Timestamp::from_unix(day.start));
    ctx.tr.ta(
        "analytics-day",
        [
            ("month", Arg::Text(date.month.to_string())),
            ("day", Arg::Text(date.day.to_string())),
        ],
    )
}

/// The rows of a ranked list; the value that gathers the rest ([`OTHER`]) reads 「その他」.
fn ranked(ctx: &Ctx, rows: &[Ranked], label: impl Fn(&str) -> String) -> Vec<RankedRow> {
    rows.iter()
        .map(|r| RankedRow {
            label: if r.value == OTHER {
                ctx.t("analytics-other")
            } else {
                label(&r.value)
            },
            count: grouped(r.count),
        })
        .collect()
}

#[expect(
    clippy::too_many_arguments,
    reason = "the page's parts, each from its own use case"
)]
fn render(
    ctx: &Ctx,
    heading: String,
    // One service (and whether it is published), or all of them.
    service: Option<(ListingId, bool)>,
    path: &str,
    query: &AnalyticsQuery,
    data: &Report,
    services: Vec<ServiceRow>,
    hints: Option<HintsSection>,
) -> PageResult {
    let share = service.and_then(|(id, published)| published.then_some(id));
    let service = service.map(|(id, _)| id);
    let metric = query.metric();
    let days = data.days;
    let periods = WINDOWS
        .iter()
        .map(|d| Switch {
            href: format!("{path}?days={d}&metric={metric}"),
            label: ctx.t1("analytics-period", "days", *d),
            current: *d == days,
        })
        .collect();
    let metrics = METRICS
        .iter()
        .map(|m| Switch {
            href: format!("{path}?days={days}&metric={m}"),
            label: metric_label(ctx, m),
            current: *m == metric,
        })
        .collect();
    let t = &data.totals;
    let totals = vec![
        Total {
            id: "impressions",
            label: ctx.t("analytics-impressions"),
            value: grouped(t.impressions),
        },
        Total {
            id: "views",
            label: ctx.t("analytics-views"),
            value: grouped(t.views),
        },
        Total {
            id: "favorites",
            label: ctx.t("analytics-favorites"),
            value: grouped(t.favorites),
        },
        Total {
            id: "orders",
            label: ctx.t("analytics-orders"),
            value: grouped(t.orders),
        },
        Total {
            id: "conversion",
            label: ctx.t("analytics-conversion"),
            value: conversion(ctx, t),
        },
    ];
    let day_rows = data
        .series
        .iter()
        .map(|d| DayRow {
            date: ctx.date(&d.start),
            impressions: grouped(d.figures.impressions),
            views: grouped(d.figures.views),
            favorites: grouped(d.figures.favorites),
            orders: grouped(d.figures.orders),
        })
        .collect();
    no_store(page(&AnalyticsPage {
        ctx,
        heading,
        service,
        days,
        periods,
        metrics,
        totals,
        chart: chart_view(ctx, data, metric),
        day_rows,
        words: ranked(ctx, &data.words, str::to_owned),
        sources: ranked(ctx, &data.sources, |key| {
            ctx.t(&format!("analytics-source-{key}"))
        }),
        hosts: ranked(ctx, &data.hosts, str::to_owned),
        tags: ranked(ctx, &data.tags, str::to_owned),
        services,
        share,
        hints,
    }))
}

fn chart_view(ctx: &Ctx, data: &Report, metric: &str) -> ChartView {
    let entries: Vec<chart::Entry> = data
        .series
        .iter()
        .map(|d| {
            let n = metric_of(&d.figures, metric);
            chart::Entry {
                label: day_label(ctx, d),
                amount: n,
                amount_label: grouped(n),
            }
        })
        .collect();
    let name = metric_label(ctx, metric);
    let from = data
        .series
        .first()
        .map(|d| ctx.date(&d.start))
        .unwrap_or_default();
    let to = data
        .series
        .last()
        .map(|d| ctx.date(&d.start))
        .unwrap_or_default();
    let total = metric_of(&data.totals, metric);
    // The first of the busiest days, if any day had any.
    let best = data
        .series
        .iter()
        .filter(|d| metric_of(&d.figures, metric) > 0)
        .fold(None::<&Day>, |best, d| match best {
            Some(b) if metric_of(&b.figures, metric) >= metric_of(&d.figures, metric) => Some(b),
            _ => Some(d),
        });
    let desc = match best {
        Some(best) => ctx.tr.ta(
            "analytics-chart-desc",
            [
                ("metric", Arg::from(&name)),
                ("from", Arg::from(&from)),
                ("to", Arg::from(&to)),
                ("total", Arg::Text(grouped(total))),
                ("best", Arg::from(ctx.date(&best.start))),
                (
                    "best_count",
                    Arg::Text(grouped(metric_of(&best.figures, metric))),
                ),
            ],
        ),
        None => ctx.tr.ta(
            "analytics-chart-desc-empty",
            [
                ("metric", Arg::from(&name)),
                ("from", Arg::from(&from)),
                ("to", Arg::from(&to)),
            ],
        ),
    };
    ChartView {
        title: ctx.tr.ta(
            "analytics-chart-title",
            [
                ("metric", Arg::from(&name)),
                ("days", Arg::Number(data.days)),
            ],
        ),
        desc,
        drawing: chart::bar_chart(entries),
    }
}
