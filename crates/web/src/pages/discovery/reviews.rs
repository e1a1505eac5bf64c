//! Buyers' reviews on public pages: the items the service page and the profile page show
//! (`_reviews.html`), and the full, paginated list of a service's reviews.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::routing::get;
use serde::Deserialize;
use yorozu_app::AppError;
use yorozu_app::orders::reviews_public::{self, ReviewAuthor, ReviewView};
use yorozu_domain::ListingId;
use yorozu_i18n::Arg;

use super::{count_arg, rating_with_count};
use crate::ctx::Ctx;
use crate::error::{PageError, PageResult};
use crate::pages::extract::{MaybeSignedIn, PathId};
use crate::pages::profile::{Paragraphs, paragraphs};
use crate::render::page;
use crate::state::AppState;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/services/{id}/reviews", get(list))
}

/// One review, every text in the reader's language.
pub(crate) struct ReviewItem {
    /// 「★★★★☆」 (hidden from screen readers, which read `stars_label`).
    pub stars: String,
    /// 「5点中4点」.
    pub stars_label: String,
    /// The display name, 「匿名」 or 「退会したユーザー」.
    pub author: String,
    pub date: String,
    pub comment: Paragraphs,
    /// The service reviewed (id, title), where the page lists reviews of several services.
    pub listing: Option<(ListingId, String)>,
    /// For the report link.
    pub id: i64,
    /// An operator removed it: a note instead of the comment.
    pub removed: bool,
}

impl ReviewItem {
    /// A review; `with_listing` adds which service it is about.
    pub(crate) fn new(ctx: &Ctx, r: ReviewView, with_listing: bool) -> ReviewItem {
        let filled = usize::try_from(r.rating.clamp(0, 5)).unwrap_or(0);
        ReviewItem {
            stars: format!("{}{}", "★".repeat(filled), "☆".repeat(5 - filled)),
            stars_label: ctx.t1("reviews-stars-label", "rating", r.rating),
            author: match r.author {
                ReviewAuthor::Named(name) => name,
                ReviewAuthor::Anonymous => ctx.t("reviews-author-anonymous"),
                ReviewAuthor::Withdrawn => ctx.t("reviews-author-withdrawn"),
            },
            date: ctx.date(&r.created_at),
            comment: paragraphs(&r.comment),
            listing: with_listing.then_some((r.listing_id, r.listing_title)),
            id: r.id,
            removed: r.removed,
        }
    }
}

pub(crate) fn items(ctx: &Ctx, reviews: Vec<ReviewView>, with_listing: bool) -> Vec<ReviewItem> {
    reviews
        .into_iter()
        .map(|r| ReviewItem::new(ctx, r, with_listing))
        .collect()
}

#[derive(Template)]
#[template(path = "service_reviews.html")]
struct ReviewsPage<'a> {
    ctx: &'a Ctx,
    listing_id: ListingId,
    title: String,
    rating: Option<String>,
    reviews: Vec<ReviewItem>,
    page: i64,
    prev: Option<String>,
    next: Option<String>,
}

#[derive(Debug, Deserialize)]
struct PageQuery {
    page: Option<String>,
}

async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    MaybeSignedIn(viewer): MaybeSignedIn,
    PathId(id): PathId<ListingId>,
    Query(q): Query<PageQuery>,
) -> PageResult {
    let page_number = match q.page.as_deref() {
        None | Some("") => 1,
        Some(p) => p
            .parse::<i64>()
            .map_err(|_| PageError(AppError::NotFound))?,
    };
    let found =
        reviews_public::service_reviews(&state.app, viewer.as_ref(), id, page_number).await?;
    let base = format!("/services/{id}/reviews");
    let v = &found.listing;
    page(&ReviewsPage {
        ctx: &ctx,
        listing_id: v.id,
        title: ctx
            .tr
            .ta("reviews-page-title", [("title", Arg::from(&v.title))]),
        rating: rating_with_count(
            &ctx,
            "service-rating-summary",
            v.rating_x100,
            v.rating_count,
        ),
        prev: (found.page > 1).then(|| match found.page - 1 {
            1 => base.clone(),
            p => format!("{base}?page={p}"),
        }),
        next: found
            .has_next
            .then(|| format!("{base}?page={}", found.page + 1)),
        page: found.page,
        reviews: items(&ctx, found.reviews, false),
    })
}

/// 「このサービスのレビューをすべて見る（12件）」.
pub(crate) fn all_reviews_link(ctx: &Ctx, count: i64) -> String {
    ctx.tr
        .ta("reviews-service-link", [("count", count_arg(count))])
}
