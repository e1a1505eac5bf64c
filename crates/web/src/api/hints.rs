//! Improvement hints (改善のヒント) for the caller's services, and what sells in a category:
//! the numbers of `/sales/hints` and `/sales/categories/…`. Category numbers are medians over
//! at least K sellers with a completed order there; below that none are given.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;
use yorozu_app::hints::category::{self, Band};
use yorozu_app::hints::{self, ServiceHints};
use yorozu_domain::ListingId;
use yorozu_domain::hints::{Direction, Hint, MIN_SELLERS};
use yorozu_domain::listings::categories;

use crate::api::auth::ApiUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::extract::ApiId;
use crate::api::openapi::fields as openapi;
use crate::api::openapi::responses::NotFound;
use crate::state::AppState;

/// A search word and how often it showed the service.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchWordBody {
    word: String,
    count: i64,
}

/// One hint: its kind, the numbers behind it, and the page that fixes it.
#[derive(Debug, Serialize, ToSchema)]
pub struct HintBody {
    /// `images` (fewer images than selling services of the category, or none), `faq` (no FAQ),
    /// `title_words` (searched words missing from the title), `price` (under half or over
    /// double the category's median), `slow_replies` (median first reply over twice the
    /// category's and at least an hour longer), `profile` (profile completeness under the
    /// category's selling sellers' median).
    kind: String,
    /// The site page that fixes it (`/listings/{id}/edit#faq`, `/settings/profile`, …).
    fix_path: String,
    /// `images`: the service's images.
    #[serde(skip_serializing_if = "Option::is_none")]
    images: Option<i64>,
    /// `images`, `price`, `profile`: the category's median (images, yen, percent); absent
    /// for `images` when the category is too small to compare with.
    #[serde(skip_serializing_if = "Option::is_none")]
    category_median: Option<i64>,
    /// `title_words`: the words, most frequent first.
    #[serde(skip_serializing_if = "Option::is_none")]
    words: Option<Vec<SearchWordBody>>,
    /// `price`: the service's price in yen.
    #[serde(skip_serializing_if = "Option::is_none")]
    price: Option<i64>,
    /// `price`: the price as a percentage of the median (rounded down).
    #[serde(skip_serializing_if = "Option::is_none")]
    percent_of_median: Option<i64>,
    /// `price`: `below` or `above`.
    #[serde(skip_serializing_if = "Option::is_none")]
    direction: Option<String>,
    /// `slow_replies`: the seller's median seconds to a first reply.
    #[serde(skip_serializing_if = "Option::is_none")]
    seconds: Option<i64>,
    /// `slow_replies`: the category's selling sellers' median seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    category_median_seconds: Option<i64>,
    /// `profile`: the caller's profile completeness (0–100).
    #[serde(skip_serializing_if = "Option::is_none")]
    percent: Option<i64>,
}

impl HintBody {
    fn new(id: ListingId, h: &Hint) -> HintBody {
        let mut body = HintBody {
            kind: h.key().to_owned(),
            fix_path: crate::pages::sales::hints::fix_path(id, h),
            images: None,
            category_median: None,
            words: None,
            price: None,
            percent_of_median: None,
            direction: None,
            seconds: None,
            category_median_seconds: None,
            percent: None,
        };
        match h {
            Hint::Images {
                images,
                category_median,
            } => {
                body.images = Some(*images);
                body.category_median = *category_median;
            }
            Hint::Faq => {}
            Hint::TitleWords { words } => {
                body.words = Some(
                    words
                        .iter()
                        .map(|w| SearchWordBody {
                            word: w.word.clone(),
                            count: w.count,
                        })
                        .collect(),
                );
            }
            Hint::Price {
                price,
                category_median,
                percent_of_median,
                direction,
            } => {
                body.price = Some(*price);
                body.category_median = Some(*category_median);
                body.percent_of_median = Some(*percent_of_median);
                body.direction = Some(
                    match direction {
                        Direction::Below => "below",
                        Direction::Above => "above",
                    }
                    .to_owned(),
                );
            }
            Hint::SlowReplies {
                seconds,
                category_median_seconds,
            } => {
                body.seconds = Some(*seconds);
                body.category_median_seconds = Some(*category_median_seconds);
            }
            Hint::Profile {
                percent,
                category_median,
            } => {
                body.percent = Some(*percent);
                body.category_median = Some(*category_median);
            }
        }
        body
    }
}

/// One service's hints.
#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceHintsBody {
    #[schema(schema_with = openapi::id)]
    service_id: String,
    title: String,
    /// The service's category id (see `getSellerCategory`).
    category_id: i64,
    /// Empty when there is nothing to improve.
    hints: Vec<HintBody>,
}

impl From<&ServiceHints> for ServiceHintsBody {
    fn from(s: &ServiceHints) -> ServiceHintsBody {
        ServiceHintsBody {
            service_id: s.listing_id.to_string(),
            title: s.title.clone(),
            category_id: s.category.id,
            hints: s
                .hints
                .iter()
                .map(|h| HintBody::new(s.listing_id, h))
                .collect(),
        }
    }
}

/// Every service of the caller with its hints.
#[derive(Debug, Serialize, ToSchema)]
pub struct HintsBody {
    /// The caller's services (deleted ones left out), newest first.
    services: Vec<ServiceHintsBody>,
}

/// `GET /sales/hints`: every service of the caller.
#[utoipa::path(
    get,
    path = "/sales/hints",
    tag = "analytics",
    operation_id = "getMyHints",
    summary = "Improvement hints for the caller's services",
    description = "Per service, concrete hints with the numbers behind them: missing images or FAQ, searched words \
                   missing from the title, a price far from the category's median, slow first replies, a profile \
                   less complete than the category's selling sellers'. Category medians are over at least 3 \
                   sellers with a completed order in the category; below that no comparison is made.",
    responses(
        (status = 200, description = "The hints.", body = HintsBody),
    ),
)]
pub async fn mine(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<HintsBody>> {
    let services = hints::for_seller(&state.app, &user).await?;
    Ok(Json(HintsBody {
        services: services.iter().map(ServiceHintsBody::from).collect(),
    }))
}

/// `GET /sales/hints/services/{id}`: one of the caller's services.
#[utoipa::path(
    get,
    path = "/sales/hints/services/{id}",
    tag = "analytics",
    operation_id = "getServiceHints",
    summary = "Improvement hints for one of the caller's services",
    description = "The hints of `getMyHints` for one service. Another member's service is not found.",
    params(("id" = String, Path, description = "The service's id.")),
    responses(
        (status = 200, description = "The service's hints.", body = ServiceHintsBody),
        (status = 404, response = NotFound),
    ),
)]
pub async fn service(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<ListingId>,
) -> ApiResult<Json<ServiceHintsBody>> {
    let s = hints::for_service(&state.app, &user, id).await?;
    Ok(Json((&s).into()))
}

/// A band: `[from, to)`, `to` absent for the last one.
#[derive(Debug, Serialize, ToSchema)]
pub struct BandBody {
    from: i64,
    #[schema(required)]
    to: Option<i64>,
    count: i64,
}

fn bands(b: &[Band]) -> Vec<BandBody> {
    b.iter()
        .map(|b| BandBody {
            from: b.from,
            to: b.to,
            count: b.count,
        })
        .collect()
}

/// A category's numbers, when at least K sellers have a completed order there.
#[derive(Debug, Serialize, ToSchema)]
pub struct CategoryNumbersBody {
    /// Completed orders counted (the caller's own and custom offers' left out).
    completed_orders: i64,
    /// Sellers counted, each once by the medians of their own orders.
    selling_sellers: i64,
    /// The median of the sellers' median prices, in yen, options left out.
    median_price: i64,
    /// Sellers per band of their median price (yen).
    price_bands: Vec<BandBody>,
    /// The median of the sellers' median delivery days.
    median_delivery_days: i64,
    /// Sellers per band of their median delivery days.
    delivery_bands: Vec<BandBody>,
    /// Sellers with a published service in the category.
    listed_sellers: i64,
    /// Sellers with a completed order in the category in the last 90 days; null when fewer
    /// than `min_sellers`.
    #[schema(required)]
    recent_sellers: Option<i64>,
    /// The median of published services' average ratings × 100; null without ratings.
    #[schema(required)]
    median_rating_x100: Option<i64>,
}

/// What sells in a category.
#[derive(Debug, Serialize, ToSchema)]
pub struct SellerCategoryBody {
    category_id: i64,
    /// `illust/portrait`.
    path: String,
    /// The fewest sellers with a completed order for numbers to be shown (K).
    min_sellers: i64,
    /// Null when the category is too small to show.
    #[schema(required)]
    numbers: Option<CategoryNumbersBody>,
}

/// `GET /sales/categories/{id}`: what sells in a category.
#[utoipa::path(
    get,
    path = "/sales/categories/{id}",
    tag = "analytics",
    operation_id = "getSellerCategory",
    summary = "What sells in a category",
    description = "Aggregates over the category's completed orders before today, each seller counted once by \
                   their own medians (the caller's orders and custom offers left out): price bands, delivery days, \
                   how many sellers list or recently sold there, the median rating. Never one seller's own numbers: \
                   with fewer than `min_sellers` other sellers who completed an order there, `numbers` is null.",
    params(("id" = i64, Path, description = "The category's id (see the category tree).")),
    responses(
        (status = 200, description = "The category's numbers.", body = SellerCategoryBody),
        (status = 404, response = NotFound),
    ),
)]
pub async fn category(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<i64>,
) -> ApiResult<Json<SellerCategoryBody>> {
    let cat = categories::by_id(id).ok_or(ApiError::from(yorozu_app::AppError::NotFound))?;
    let r = category::report(&state.app, cat, user.id).await?;
    Ok(Json(SellerCategoryBody {
        category_id: cat.id,
        path: cat.path(),
        min_sellers: i64::try_from(MIN_SELLERS).unwrap_or(0),
        numbers: r.numbers.map(|n| CategoryNumbersBody {
            completed_orders: n.completed_orders,
            selling_sellers: n.selling_sellers,
            median_price: n.median_price,
            price_bands: bands(&n.price_bands),
            median_delivery_days: n.median_delivery_days,
            delivery_bands: bands(&n.delivery_bands),
            listed_sellers: n.listed_sellers,
            recent_sellers: n.recent_sellers,
            median_rating_x100: n.median_rating_x100,
        }),
    }))
}
