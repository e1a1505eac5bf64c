//! The seller's analytics reports: for all their services (`/sales/analytics`) and for one
//! (`/sales/analytics/services/{id}`), per Japanese day over the last 7, 30 or 90 days
//! (today included, days without counts as zeros), with totals, conversion (orders per
//! view), the search words that showed the service and where its visitors came from.
//! Counts still in memory (at most a few seconds) are not in the report yet.

use std::collections::HashMap;

use yorozu_domain::ListingId;
use yorozu_domain::analytics::{Kind, Source, WINDOWS, conversion_permille, day_start};
use yorozu_domain::listings::ListingStatus;
use yorozu_store::analytics::{self as store, Scope};

use crate::accounts::CurrentUser;
use crate::{App, AppError, AppResult};

const DAY: i64 = 86_400;

/// How many search words and referrer hosts a report lists.
pub const TOP_WORDS: i64 = 20;
pub const TOP_HOSTS: i64 = 10;
pub const TOP_TAGS: i64 = 10;

/// The four daily figures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Figures {
    pub impressions: i64,
    pub views: i64,
    pub favorites: i64,
    pub orders: i64,
}

impl Figures {
    /// Orders per view, in tenths of a percent (`25` = 2.5%); `None` without views.
    pub fn conversion_permille(&self) -> Option<i64> {
        conversion_permille(self.orders, self.views)
    }

    fn add(&mut self, other: &Figures) {
        self.impressions += other.impressions;
        self.views += other.views;
        self.favorites += other.favorites;
        self.orders += other.orders;
    }
}

/// One day of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    /// The unix time at which the day begins in Japan.
    pub start: i64,
    pub figures: Figures,
}

/// A value of a dimension and its count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    pub value: String,
    pub count: i64,
}

/// The numbers of one report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The window's length in days (7, 30 or 90).
    pub days: i64,
    /// Every day of the window, oldest first.
    pub series: Vec<Day>,
    pub totals: Figures,
    /// The search words of results pages that showed the service(s), most frequent first.
    pub words: Vec<Ranked>,
    /// Views per source, every source listed (zero included), in [`Source::KEYS`] order.
    pub sources: Vec<Ranked>,
    /// Views from other sites per referrer host, most frequent first.
    pub hosts: Vec<Ranked>,
    /// Views per share-kit tag, most frequent first.
    pub tags: Vec<Ranked>,
}

/// One service in the seller's overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceLine {
    pub listing_id: ListingId,
    pub title: String,
    pub status: ListingStatus,
    pub figures: Figures,
}

/// `/sales/analytics`: every service together, and each on its own line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SellerReport {
    pub report: Report,
    pub services: Vec<ServiceLine>,
}

/// One service's report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceReport {
    pub listing_id: ListingId,
    pub title: String,
    pub status: ListingStatus,
    pub report: Report,
}

/// The window `[from, to)` of the last `days` days, today included.
fn window(now: i64, days: i64) -> (i64, i64) {
    let days = if WINDOWS.contains(&days) { days } else { 30 };
    let to = day_start(now) + DAY;
    (to - days * DAY, to)
}

async fn report(app: &App, scope: Scope, days: i64) -> AppResult<Report> {
    let days = if WINDOWS.contains(&days) { days } else { 30 };
    let (from, to) = window(app.now(), days);
    let mut c = app.db.read().await?;
    let rows = store::daily(&mut c, scope, from, to).await?;
    let top = |kind: Kind, limit: i64| (kind, limit);
    let mut lists = Vec::new();
    for (kind, limit) in [
        top(Kind::Word, TOP_WORDS),
        top(Kind::Source, Source::KEYS.len() as i64),
        top(Kind::Host, TOP_HOSTS),
        top(Kind::Tag, TOP_TAGS),
    ] {
        let values = store::top_values(&mut c, scope, kind.as_str(), from, to, limit).await?;
        lists.push(
            values
                .into_iter()
                .map(|v| Ranked {
                    value: v.value,
                    count: v.n,
                })
                .collect::<Vec<_>>(),
        );
    }
    drop(c);
    let mut by_day: HashMap<i64, Figures> = HashMap::new();
    for row in rows {
        let f = by_day.entry(day_start(row.day)).or_default();
        match row.kind.as_str() {
            "impression" => f.impressions += row.n,
            "view" => f.views += row.n,
            "favorite" => f.favorites += row.n,
            "order" => f.orders += row.n,
            _ => {}
        }
    }
    let series: Vec<Day> = (0..days)
        .map(|i| {
            let start = from + i * DAY;
            Day {
                start,
                figures: by_day.get(&start).copied().unwrap_or_default(),
            }
        })
        .collect();
    let mut totals = Figures::default();
    for d in &series {
        totals.add(&d.figures);
    }
    let mut lists = lists.into_iter();
    let words = lists.next().unwrap_or_default();
    let stored_sources = lists.next().unwrap_or_default();
    let sources = Source::KEYS
        .iter()
        .map(|key| Ranked {
            value: (*key).to_owned(),
            count: stored_sources
                .iter()
                .find(|s| s.value == *key)
                .map_or(0, |s| s.count),
        })
        .collect();
    Ok(Report {
        days,
        series,
        totals,
        words,
        sources,
        hosts: lists.next().unwrap_or_default(),
        tags: lists.next().unwrap_or_default(),
    })
}

/// The seller's report over all their services, with a line per service.
pub async fn for_seller(app: &App, seller: &CurrentUser, days: i64) -> AppResult<SellerReport> {
    let report = report(app, Scope::Seller(seller.id), days).await?;
    let (from, to) = window(app.now(), report.days);
    let mut c = app.db.read().await?;
    let services = store::per_listing(&mut c, seller.id, from, to)
        .await?
        .into_iter()
        .map(|l| ServiceLine {
            listing_id: l.listing_id,
            title: l.title,
            status: l.status,
            figures: Figures {
                impressions: l.impressions,
                views: l.views,
                favorites: l.favorites,
                orders: l.orders,
            },
        })
        .collect();
    Ok(SellerReport { report, services })
}

/// One service's report; not found unless the service is the seller's own (and not deleted).
pub async fn for_service(
    app: &App,
    seller: &CurrentUser,
    listing_id: ListingId,
    days: i64,
) -> AppResult<ServiceReport> {
    let listing = {
        let mut c = app.db.read().await?;
        yorozu_store::listings::rows::find(&mut c, listing_id).await?
    };
    let listing = listing
        .filter(|l| l.seller_id == seller.id && l.status != ListingStatus::Deleted)
        .ok_or(AppError::NotFound)?;
    let report = report(app, Scope::Listing(listing_id), days).await?;
    Ok(ServiceReport {
        listing_id,
        title: listing.title,
        status: listing.status,
        report,
    })
}
