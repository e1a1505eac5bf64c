//! Finding services: keyword search with filters, and the category tree.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use serde::Serialize;
use utoipa::ToSchema;
use yorozu_app::listings;
use yorozu_app::listings::search::{self, SearchParams};
use yorozu_domain::Locale;
use yorozu_domain::listings::categories::{self, CATEGORIES, Category};
use yorozu_i18n::Tr;

use crate::api::error::{ApiError, ApiResult};
use crate::api::extract::ApiLocale;
use crate::api::listings::thumb_url;
use crate::api::openapi::fields;
use crate::api::openapi::listing_fields as limits;
use crate::api::openapi::responses::BadRequest;
use crate::api::search_results::{SearchResults, TitleSegment};
use crate::state::AppState;

/// The average rating (1.00–5.00, two decimals), or null before the first review.
pub(crate) fn rating(rating_x100: i64, rating_count: i64) -> Option<f64> {
    // Ratings are at most 500: the conversion is exact.
    (rating_count > 0).then(|| rating_x100 as f64 / 100.0)
}

/// A category with its name in the caller's language.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Category)]
pub struct CategoryBody {
    #[schema(schema_with = fields::id)]
    id: String,
    /// URL key, unique among its siblings.
    slug: &'static str,
    /// The top-level category; null for a top-level one.
    #[schema(required)]
    parent_id: Option<String>,
    /// In the language of Accept-Language.
    name: String,
}

impl CategoryBody {
    pub(crate) fn new(c: &Category, tr: Tr) -> CategoryBody {
        CategoryBody {
            id: c.id.to_string(),
            slug: c.slug,
            parent_id: c.parent.map(|p| p.to_string()),
            name: tr.t(&c.message_id()),
        }
    }

    /// The category of a stored listing; an id no longer in the tree keeps its number.
    pub(crate) fn of_id(id: i64, locale: Locale) -> CategoryBody {
        match categories::by_id(id) {
            Some(c) => CategoryBody::new(c, Tr::new(locale)),
            None => CategoryBody {
                id: id.to_string(),
                slug: "",
                parent_id: None,
                name: String::new(),
            },
        }
    }
}

/// One result card.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ListingCard)]
pub struct Card {
    #[schema(schema_with = fields::id)]
    id: String,
    title: String,
    #[schema(schema_with = fields::yen)]
    price: i64,
    delivery_days: i64,
    #[schema(schema_with = limits::rating, required)]
    rating: Option<f64>,
    rating_count: i64,
    sales_count: i64,
    favorites_count: i64,
    #[schema(schema_with = fields::id)]
    category_id: String,
    #[schema(schema_with = fields::nullable_time, required)]
    published_at: Option<i64>,
    #[schema(schema_with = fields::id)]
    seller_id: String,
    seller_name: String,
    /// 本人確認済み.
    seller_verified: bool,
    /// The first image's thumbnail; null without images.
    #[schema(required)]
    thumb_url: Option<String>,
    /// Search results only: the title cut into pieces, the ones matching the keyword marked
    /// (see `TitleSegment`). Absent elsewhere (favourites).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    title_segments: Option<Vec<TitleSegment>>,
}

impl Card {
    pub(crate) fn with_title_segments(self, segments: Vec<TitleSegment>) -> Card {
        Card {
            title_segments: Some(segments),
            ..self
        }
    }
}

impl From<listings::Card> for Card {
    fn from(r: listings::Card) -> Card {
        Card {
            id: r.id.to_string(),
            title: r.title,
            price: r.price.get(),
            delivery_days: r.delivery_days,
            rating: rating(r.rating_x100, r.rating_count),
            rating_count: r.rating_count,
            sales_count: r.sales_count,
            favorites_count: r.favorites_count,
            category_id: r.category_id.to_string(),
            published_at: r.published_at,
            seller_id: r.seller_id.to_string(),
            seller_name: r.seller_name,
            seller_verified: r.seller_verified,
            thumb_url: r.thumb_image_id.map(thumb_url),
            title_segments: None,
        }
    }
}

/// Published services matching the query string. Filters are lenient, as on the search
/// page: a value that cannot be read (a price of "abc", an unknown sort) is ignored.
#[utoipa::path(
    get,
    path = "/search",
    operation_id = "searchListings",
    summary = "Search published services",
    description = "Every parameter is optional, and lenient as on the site's search page: a value that cannot be \
                   read (a price of `abc`, an unknown sort) is ignored rather than refused. Keywords work for \
                   Japanese: one- and two-character terms such as 名刺 find results; full-width and half-width \
                   forms, upper and lower case, katakana and hiragana are folded. Several terms must all match. \
                   24 results a page, at most 40 pages. Beside the page: each card's title cut at the matched \
                   words (`title_segments`), the matches per category (`categories`), and, when nothing \
                   matched, `nearest_categories` and `popular_searches` to offer instead. Category names are \
                   in the language of `Accept-Language`.",
    security(),
    params(
        ("q" = Option<String>, Query, description = "Keywords, separated by spaces."),
        ("category" = Option<String>, Query, description = "A category id; a top-level one includes its subcategories."),
        ("min_price" = Option<String>, Query, description = "Lowest price in yen (digits)."),
        ("max_price" = Option<String>, Query, description = "Highest price in yen (digits)."),
        ("days" = Option<String>, Query, description = "Delivered within this many days (1–90)."),
        ("rating" = Option<String>, Query, description = "Minimum average rating: `3`, `4` or `4.5`."),
        ("verified" = Option<String>, Query, description = "`1`: identity-verified sellers only."),
        ("sort" = Option<String>, Query, description = "Order: `recommended` (the default), `new`, `price-low`, `price-high`, `rating` or `sales`."),
        ("page" = Option<String>, Query, description = "1-based page number; clamped into 1–40."),
    ),
    responses(
        (status = 200, description = "One page of results.", body = SearchResults),
        (status = 400, response = BadRequest),
    ),
)]
pub async fn search(
    State(state): State<AppState>,
    ApiLocale(locale): ApiLocale,
    headers: axum::http::HeaderMap,
    params: Result<Query<SearchParams>, QueryRejection>,
) -> ApiResult<impl IntoResponse> {
    let Query(params) = params.map_err(|e| {
        ApiError::request_with_detail(
            StatusCode::BAD_REQUEST,
            "error-invalid-input",
            e.body_text(),
        )
    })?;
    let found = search::run(&state.app, &params).await?;
    // Results served through the API count as impressions too (robots' agents do not).
    let user_agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    search::count_impressions(
        &state.app,
        &params,
        &found,
        &yorozu_app::analytics::Visitor {
            user_agent,
            member: None,
        },
    );
    Ok((
        [
            (header::CONTENT_LANGUAGE, locale.tag()),
            (header::VARY, "Accept-Language"),
        ],
        Json(SearchResults::new(&found, locale)),
    ))
}

/// Every category, each top-level one followed by its children, named in the language of
/// `Accept-Language`.
#[utoipa::path(
    get,
    path = "/categories",
    operation_id = "listCategories",
    summary = "The category tree",
    description = "Every category in display order, each top-level one followed by its subcategories. Names are \
                   in the language of `Accept-Language`. Listings are filed under subcategories only.",
    security(),
    responses((status = 200, description = "The categories.", body = Vec<CategoryBody>)),
)]
pub async fn categories(ApiLocale(locale): ApiLocale) -> impl IntoResponse {
    let tr = Tr::new(locale);
    let list: Vec<CategoryBody> = CATEGORIES
        .iter()
        .map(|c| CategoryBody::new(c, tr))
        .collect();
    (
        [
            (header::CONTENT_LANGUAGE, locale.tag()),
            (header::VARY, "Accept-Language"),
        ],
        Json(list),
    )
}
