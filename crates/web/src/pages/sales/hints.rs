//! Improvement hints (改善のヒント) and the sellers' category page:
//! - `GET /sales/hints`: every service of the seller with how many hints it has;
//! - `GET /sales/hints/services/{id}`: one service's hints, each with the number behind it
//!   and a link to the page that fixes it (the analytics page of the service shows the same);
//! - `GET /sales/categories/{path}` (`illust/portrait`, or a category id): what sells in a
//!   category — price bands, delivery days, sellers, median rating — over at least K sellers.
//!
//! [`hint_items`] turns the typed hints into sentences and links for every page that shows
//! them (this one, the analytics page and the withdrawal page).

use askama::Template;
use axum::extract::{Path, State};
use yorozu_app::hints::category::{self, Band, CategoryNumbers};
use yorozu_app::hints::{self, ServiceHints};
use yorozu_domain::ListingId;
use yorozu_domain::hints::{Direction, Hint, MIN_SELLERS};
use yorozu_domain::listings::categories::{self, Category};
use yorozu_i18n::Arg;

use super::chart::{self, BarChart};
use super::no_store;
use crate::ctx::Ctx;
use crate::error::{PageError, PageResult};
use crate::pages::discovery::{category_name, grouped, yen};
use crate::pages::extract::{PathId, SignedIn};
use crate::render::page;
use crate::state::AppState;

/// One hint as pages show it.
pub(crate) struct HintItem {
    /// `images`, `faq`, … (the element's id suffix, for tests and styling).
    pub key: &'static str,
    pub text: String,
    /// The page that fixes it, and the link's text.
    pub fix_href: String,
    pub fix_label: String,
    /// For a hint that compares with the category: the sellers' page of the category.
    pub category_href: Option<String>,
}

/// The sellers' page of a category: `/sales/categories/illust/portrait`.
pub(crate) fn category_href(category: &Category) -> String {
    format!("/sales/categories/{}", category.path())
}

/// The hints page of a service.
pub(crate) fn hints_href(id: ListingId) -> String {
    format!("/sales/hints/services/{id}")
}

/// 「ヒント2件」, or that there is nothing to improve: the hints list and the withdrawal
/// page's panel say it alike.
pub(crate) fn hint_count(ctx: &Ctx, s: &ServiceHints) -> String {
    if s.hints.is_empty() {
        ctx.t("hints-count-none")
    } else {
        ctx.t1("hints-count", "count", s.hints.len())
    }
}

/// 「3時間20分」 / "3 h 20 min": minutes under an hour, hours and minutes under two days,
/// days and hours beyond.
pub(crate) fn duration(ctx: &Ctx, seconds: i64) -> String {
    let minutes = (seconds / 60).max(0);
    let (hours, days) = (minutes / 60, minutes / 1440);
    if minutes < 60 {
        ctx.t1("hints-duration-minutes", "minutes", minutes)
    } else if hours < 48 {
        ctx.tr.ta(
            "hints-duration-hours",
            [
                ("hours", Arg::Number(hours)),
                ("minutes", Arg::Number(minutes % 60)),
            ],
        )
    } else {
        ctx.tr.ta(
            "hints-duration-days",
            [
                ("days", Arg::Number(days)),
                ("hours", Arg::Number(hours % 24)),
            ],
        )
    }
}

/// Where a hint of service `id` is fixed: the part of its edit form, the orders (replies)
/// or the profile. The pages and the API link to the same places.
pub(crate) fn fix_path(id: ListingId, hint: &Hint) -> String {
    let edit = |anchor: &str| format!("/listings/{id}/edit#{anchor}");
    match hint {
        Hint::Images { .. } => edit("images"),
        Hint::Faq => edit("faq"),
        Hint::TitleWords { .. } => edit("title"),
        Hint::Price { .. } => edit("price"),
        Hint::SlowReplies { .. } => "/orders".into(),
        Hint::Profile { .. } => "/settings/profile".into(),
    }
}

/// The sentences and links of a service's hints.
pub(crate) fn hint_items(ctx: &Ctx, s: &ServiceHints) -> Vec<HintItem> {
    let id = s.listing_id;
    s.hints
        .iter()
        .map(|h| match h {
            Hint::Images {
                images,
                category_median,
            } => HintItem {
                key: h.key(),
                text: match category_median.filter(|_| *images > 0) {
                    Some(median) => ctx.tr.ta(
                        "hints-images",
                        [
                            ("images", Arg::Number(*images)),
                            ("median", Arg::Number(median)),
                        ],
                    ),
                    None => ctx.t("hints-images-none"),
                },
                fix_href: fix_path(id, h),
                fix_label: ctx.t("hints-fix-images"),
                category_href: category_median.map(|_| category_href(s.category)),
            },
            Hint::Faq => HintItem {
                key: h.key(),
                text: ctx.t("hints-faq"),
                fix_href: fix_path(id, h),
                fix_label: ctx.t("hints-fix-faq"),
                category_href: None,
            },
            Hint::TitleWords { words } => HintItem {
                key: h.key(),
                text: ctx.t1(
                    "hints-title-words",
                    "words",
                    Arg::Text(
                        words
                            .iter()
                            .map(|w| {
                                ctx.tr.ta(
                                    "hints-title-word",
                                    [
                                        ("word", Arg::Text(w.word.clone())),
                                        ("count", Arg::Number(w.count)),
                                    ],
                                )
                            })
                            .collect::<Vec<_>>()
                            .join(ctx.t("hints-list-separator").as_str()),
                    ),
                ),
                fix_href: fix_path(id, h),
                fix_label: ctx.t("hints-fix-title"),
                category_href: None,
            },
            Hint::Price {
                price,
                category_median,
                percent_of_median,
                direction,
            } => HintItem {
                key: h.key(),
                text: ctx.tr.ta(
                    match direction {
                        Direction::Below => "hints-price-below",
                        Direction::Above => "hints-price-above",
                    },
                    [
                        ("price", Arg::Text(yen(ctx, *price))),
                        ("median", Arg::Text(yen(ctx, *category_median))),
                        ("percent", Arg::Number(*percent_of_median)),
                    ],
                ),
                fix_href: fix_path(id, h),
                fix_label: ctx.t("hints-fix-price"),
                category_href: Some(category_href(s.category)),
            },
            Hint::SlowReplies {
                seconds,
                category_median_seconds,
            } => HintItem {
                key: h.key(),
                text: ctx.tr.ta(
                    "hints-slow-replies",
                    [
                        ("yours", Arg::Text(duration(ctx, *seconds))),
                        ("median", Arg::Text(duration(ctx, *category_median_seconds))),
                    ],
                ),
                fix_href: fix_path(id, h),
                fix_label: ctx.t("hints-fix-replies"),
                category_href: Some(category_href(s.category)),
            },
            Hint::Profile {
                percent,
                category_median,
            } => HintItem {
                key: h.key(),
                text: ctx.tr.ta(
                    "hints-profile",
                    [
                        ("percent", Arg::Number(*percent)),
                        ("median", Arg::Number(*category_median)),
                    ],
                ),
                fix_href: fix_path(id, h),
                fix_label: ctx.t("hints-fix-profile"),
                category_href: Some(category_href(s.category)),
            },
        })
        .collect()
}

/// One service on the overview.
struct ServiceRow {
    id: ListingId,
    title: String,
    hints_label: String,
    count: String,
    category_href: String,
    category_name: String,
}

#[derive(Template)]
#[template(path = "sales_hints.html")]
struct OverviewPage<'a> {
    ctx: &'a Ctx,
    services: Vec<ServiceRow>,
}

pub(super) async fn overview(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
) -> PageResult {
    let services = hints::for_seller(&state.app, user).await?;
    no_store(page(&OverviewPage {
        ctx: &ctx,
        services: services
            .iter()
            .map(|s| ServiceRow {
                id: s.listing_id,
                title: s.title.clone(),
                hints_label: ctx.t1("hints-link-label", "title", &s.title),
                count: hint_count(&ctx, s),
                category_href: category_href(s.category),
                category_name: category_name(&ctx, s.category),
            })
            .collect(),
    }))
}

#[derive(Template)]
#[template(path = "sales_hints_service.html")]
struct ServicePage<'a> {
    ctx: &'a Ctx,
    heading: String,
    id: ListingId,
    items: Vec<HintItem>,
    category_href: String,
    category_link: String,
    privacy: String,
}

pub(super) async fn service(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<ListingId>,
) -> PageResult {
    let s = hints::for_service(&state.app, user, id).await?;
    no_store(page(&ServicePage {
        ctx: &ctx,
        heading: ctx.t1("hints-service-title", "title", &s.title),
        id,
        items: hint_items(&ctx, &s),
        category_href: category_href(s.category),
        category_link: ctx.t1(
            "hints-category-link",
            "category",
            Arg::Text(category_name(&ctx, s.category)),
        ),
        privacy: min_sellers_text(&ctx, "hints-privacy"),
    }))
}

/// A band as a row of the table and a bar of the chart.
struct BandRow {
    label: String,
    count: String,
}

#[derive(Template)]
#[template(path = "sales_category.html")]
struct CategoryPage<'a> {
    ctx: &'a Ctx,
    heading: String,
    public_href: String,
    /// `None`: too small to show.
    numbers: Option<NumbersView>,
    too_small: String,
}

struct NumbersView {
    facts: Vec<(String, String)>,
    price_title: String,
    price_desc: String,
    price_chart: BarChart,
    price_rows: Vec<BandRow>,
    delivery_title: String,
    delivery_desc: String,
    delivery_chart: BarChart,
    delivery_rows: Vec<BandRow>,
}

fn band_label(ctx: &Ctx, band: &Band, money: bool) -> String {
    let show = |n: i64| if money { yen(ctx, n) } else { grouped(n) };
    let unit = if money { "money" } else { "days" };
    match band.to {
        Some(to) => ctx.tr.ta(
            &format!("hints-band-{unit}"),
            [
                ("from", Arg::Text(show(band.from))),
                ("to", Arg::Text(show(to - 1))),
            ],
        ),
        None => ctx.t1(
            &format!("hints-band-{unit}-open"),
            "from",
            Arg::Text(show(band.from)),
        ),
    }
}

fn band_chart(ctx: &Ctx, bands: &[Band], money: bool) -> (BarChart, Vec<BandRow>) {
    let rows: Vec<BandRow> = bands
        .iter()
        .map(|b| BandRow {
            label: band_label(ctx, b, money),
            count: ctx.t1("hints-sellers-count", "count", b.count),
        })
        .collect();
    let entries = bands
        .iter()
        .zip(&rows)
        .map(|(b, r)| chart::Entry {
            label: r.label.clone(),
            amount: b.count,
            amount_label: grouped(b.count),
        })
        .collect();
    (chart::bar_chart(entries), rows)
}

fn numbers_view(ctx: &Ctx, n: &CategoryNumbers) -> NumbersView {
    let facts = vec![
        (
            ctx.t("hints-cat-orders"),
            ctx.t1("hints-orders-count", "count", n.completed_orders),
        ),
        (
            ctx.t("hints-cat-selling-sellers"),
            ctx.t1("hints-sellers-count", "count", n.selling_sellers),
        ),
        (ctx.t("hints-cat-median-price"), yen(ctx, n.median_price)),
        (
            ctx.t("hints-cat-median-days"),
            ctx.t1("hints-days", "days", n.median_delivery_days),
        ),
        (
            ctx.t("hints-cat-listed-sellers"),
            ctx.t1("hints-sellers-count", "count", n.listed_sellers),
        ),
        (
            ctx.t1("hints-cat-recent-sellers", "days", category::RECENT_DAYS),
            match n.recent_sellers {
                Some(count) => ctx.t1("hints-sellers-count", "count", count),
                None => min_sellers_text(ctx, "hints-sellers-fewer"),
            },
        ),
        (
            ctx.t("hints-cat-median-rating"),
            match n.median_rating_x100 {
                Some(r) => ctx.t1(
                    "hints-rating",
                    "rating",
                    Arg::Text(format!("{}.{:02}", r / 100, r % 100)),
                ),
                None => ctx.t("hints-rating-none"),
            },
        ),
    ];
    let (price_chart, price_rows) = band_chart(ctx, &n.price_bands, true);
    let (delivery_chart, delivery_rows) = band_chart(ctx, &n.delivery_bands, false);
    NumbersView {
        facts,
        price_title: ctx.t("hints-cat-price-heading"),
        price_desc: ctx.t1("hints-cat-price-desc", "count", n.selling_sellers),
        price_chart,
        price_rows,
        delivery_title: ctx.t("hints-cat-days-heading"),
        delivery_desc: ctx.t1("hints-cat-days-desc", "count", n.selling_sellers),
        delivery_chart,
        delivery_rows,
    }
}

/// A message naming the K of the K-seller rule.
fn min_sellers_text(ctx: &Ctx, key: &str) -> String {
    ctx.t1(key, "min", i64::try_from(MIN_SELLERS).unwrap_or(0))
}

/// `illust/portrait`, or a category's id.
fn category_at(path: &str) -> Option<&'static Category> {
    let path = path.trim_matches('/');
    categories::by_slug(path).or_else(|| path.parse::<i64>().ok().and_then(categories::by_id))
}

pub(super) async fn category_page(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    Path(path): Path<String>,
) -> PageResult {
    let category = category_at(&path).ok_or(PageError(yorozu_app::AppError::NotFound))?;
    let report = category::report(&state.app, category, user.id).await?;
    let name = match category.parent_category() {
        Some(parent) => ctx.tr.ta(
            "hints-category-path",
            [
                ("parent", Arg::Text(category_name(&ctx, parent))),
                ("category", Arg::Text(category_name(&ctx, category))),
            ],
        ),
        None => category_name(&ctx, category),
    };
    no_store(page(&CategoryPage {
        ctx: &ctx,
        heading: ctx.t1("hints-category-title", "category", Arg::Text(name)),
        public_href: format!("/categories/{}", category.id),
        numbers: report.numbers.as_ref().map(|n| numbers_view(&ctx, n)),
        too_small: min_sellers_text(&ctx, "hints-category-too-small"),
    }))
}
