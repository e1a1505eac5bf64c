//! Seller analytics (アクセス解析): the numbers of `/sales/analytics` for the caller's own
//! services, all together or one at a time. Only aggregates exist: per service, per day
//! (Japan time), per search word, source, share tag and referrer host.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use yorozu_app::analytics::report::{self, Figures, Ranked, Report};
use yorozu_domain::ListingId;
use yorozu_domain::analytics::window;
use yorozu_domain::payouts::schedule::Date;
use yorozu_domain::time::Timestamp;

use crate::api::auth::ApiUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::extract::ApiId;
use crate::api::openapi::fields as openapi;
use crate::api::openapi::responses::{BadRequest, NotFound};
use crate::state::AppState;

/// `?days=7|30|90` (anything else is 30).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WindowParams {
    /// The window in days, ending today (Japan time): `7`, `30` (the default) or `90`; any
    /// other value is read as `30`.
    #[serde(default)]
    days: Option<String>,
}

/// The four figures of a day or a window, and the conversion.
#[derive(Debug, Serialize, ToSchema)]
pub struct FiguresBody {
    /// Times a search or category results page showed the service(s).
    impressions: i64,
    /// Views of the service page (robots and the seller's own visits not counted).
    views: i64,
    /// Favourites added.
    favorites: i64,
    /// Orders placed.
    orders: i64,
    /// Orders per thousand views, rounded (`25` is 2.5%); `null` without views.
    #[schema(required)]
    conversion_per_mille: Option<i64>,
}

impl From<&Figures> for FiguresBody {
    fn from(f: &Figures) -> FiguresBody {
        FiguresBody {
            impressions: f.impressions,
            views: f.views,
            favorites: f.favorites,
            orders: f.orders,
            conversion_per_mille: f.conversion_permille(),
        }
    }
}

/// One day.
#[derive(Debug, Serialize, ToSchema)]
pub struct DayBody {
    /// The date in Japan (YYYY-MM-DD).
    date: String,
    /// The unix time at which the day begins in Japan.
    #[schema(schema_with = openapi::time)]
    starts_at: i64,
    figures: FiguresBody,
}

/// A value of a dimension (a search word, a source, a host, a tag) and its count.
#[derive(Debug, Serialize, ToSchema)]
pub struct RankedBody {
    value: String,
    count: i64,
}

fn ranked(rows: &[Ranked]) -> Vec<RankedBody> {
    rows.iter()
        .map(|r| RankedBody {
            value: r.value.clone(),
            count: r.count,
        })
        .collect()
}

/// The numbers of a window.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportBody {
    /// The window's length: 7, 30 or 90 days, today included.
    days: i64,
    totals: FiguresBody,
    /// Every day of the window, oldest first; days without any count are zeros.
    series: Vec<DayBody>,
    /// Search words of the results pages that showed the service(s), most frequent first
    /// (at most 20).
    search_words: Vec<RankedBody>,
    /// Views per source: `search`, `category`, `profile`, `tag` (a share link's `?src=`),
    /// `outside` (another website), `site` (another page of Yorozu), `direct`; every source
    /// is listed, zeros included.
    sources: Vec<RankedBody>,
    /// Views from other websites per referrer host (the host only), most frequent first.
    referrer_hosts: Vec<RankedBody>,
    /// Views per share-link tag (`?src=`), most frequent first.
    share_tags: Vec<RankedBody>,
}

impl From<&Report> for ReportBody {
    fn from(r: &Report) -> ReportBody {
        ReportBody {
            days: r.days,
            totals: (&r.totals).into(),
            series: r
                .series
                .iter()
                .map(|d| DayBody {
                    date: Date::in_japan(Timestamp::from_unix(d.start)).iso(),
                    starts_at: d.start,
                    figures: (&d.figures).into(),
                })
                .collect(),
            search_words: ranked(&r.words),
            sources: ranked(&r.sources),
            referrer_hosts: ranked(&r.hosts),
            share_tags: ranked(&r.tags),
        }
    }
}

/// One of the caller's services in the overview.
#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceLineBody {
    #[schema(schema_with = openapi::id)]
    service_id: String,
    title: String,
    /// `draft`, `published`, `paused`, …
    status: String,
    figures: FiguresBody,
}

/// Every service of the caller together, and each on its own line.
#[derive(Debug, Serialize, ToSchema)]
pub struct SellerAnalyticsBody {
    report: ReportBody,
    /// The caller's services (deleted ones left out), newest first.
    services: Vec<ServiceLineBody>,
}

/// One service's numbers.
#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceAnalyticsBody {
    #[schema(schema_with = openapi::id)]
    service_id: String,
    title: String,
    status: String,
    report: ReportBody,
}

fn days_of(params: Result<Query<WindowParams>, QueryRejection>) -> Result<i64, ApiError> {
    let Query(params) = params.map_err(|e| {
        ApiError::request_with_detail(
            StatusCode::BAD_REQUEST,
            "error-invalid-input",
            e.body_text(),
        )
    })?;
    Ok(window(params.days.as_deref()))
}

/// `GET /sales/analytics`: the caller's services together and one by one.
#[utoipa::path(
    get,
    path = "/sales/analytics",
    operation_id = "getMyAnalytics",
    summary = "Analytics of the caller's services",
    description = "Search impressions, page views, favourites, orders and conversion (views → orders) per day \
                   (Japan time) over the last 7, 30 or 90 days, for all the caller's services together, with the \
                   search words that showed them and where viewers came from; and the same totals per service. \
                   Robots and the seller's own visits are not counted. Counts are written every few seconds, so the \
                   last seconds may not be included yet.",
    params(WindowParams),
    responses(
        (status = 200, description = "The caller's analytics.", body = SellerAnalyticsBody),
        (status = 400, response = BadRequest),
    ),
)]
pub async fn mine(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    params: Result<Query<WindowParams>, QueryRejection>,
) -> ApiResult<Json<SellerAnalyticsBody>> {
    let days = days_of(params)?;
    let data = report::for_seller(&state.app, &user, days).await?;
    Ok(Json(SellerAnalyticsBody {
        report: (&data.report).into(),
        services: data
            .services
            .iter()
            .map(|s| ServiceLineBody {
                service_id: s.listing_id.to_string(),
                title: s.title.clone(),
                status: s.status.as_str().to_owned(),
                figures: (&s.figures).into(),
            })
            .collect(),
    }))
}

/// `GET /sales/analytics/services/{id}`: one of the caller's services.
#[utoipa::path(
    get,
    path = "/sales/analytics/services/{id}",
    operation_id = "getServiceAnalytics",
    summary = "Analytics of one of the caller's services",
    description = "The numbers of `getMyAnalytics` for one service. Another member's service is not found.",
    params(
        ("id" = String, Path, description = "The service's id."),
        WindowParams,
    ),
    responses(
        (status = 200, description = "The service's analytics.", body = ServiceAnalyticsBody),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
    ),
)]
pub async fn service(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<ListingId>,
    params: Result<Query<WindowParams>, QueryRejection>,
) -> ApiResult<Json<ServiceAnalyticsBody>> {
    let days = days_of(params)?;
    let data = report::for_service(&state.app, &user, id, days).await?;
    Ok(Json(ServiceAnalyticsBody {
        service_id: data.listing_id.to_string(),
        title: data.title,
        status: data.status.as_str().to_owned(),
        report: (&data.report).into(),
    }))
}
