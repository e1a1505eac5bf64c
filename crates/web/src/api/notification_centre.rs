//! The notification centre (お知らせ) and the settings grid (event groups × channels).

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use yorozu_app::mail::MailCategory;
use yorozu_app::notifications::centre::{self, Notification};
use yorozu_app::notifications::grid::{self, Changes, Channel};
use yorozu_domain::notifications::NotificationKind;

use crate::api::auth::ApiUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::extract::{ApiId, ApiJson};
use crate::api::openapi::fields as openapi;
use crate::api::openapi::responses::{BadRequest, Conflict, NotFound, UnsupportedMediaType};
use crate::state::AppState;

/// One notification.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Notification)]
pub struct NotificationBody {
    #[schema(schema_with = openapi::id)]
    id: String,
    #[schema(schema_with = kind)]
    kind: String,
    /// The page it links to (a path of the site).
    link: String,
    read: bool,
    #[schema(schema_with = openapi::time)]
    created_at: i64,
}

fn kind() -> utoipa::openapi::schema::Object {
    openapi::one_of(
        &NotificationKind::ALL
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>(),
    )
}

impl From<Notification> for NotificationBody {
    fn from(n: Notification) -> NotificationBody {
        NotificationBody {
            id: n.id.to_string(),
            kind: n.kind.as_str().to_owned(),
            link: n.subject.path(),
            read: n.read,
            created_at: n.created_at,
        }
    }
}

/// One page of notifications.
#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationPage {
    notifications: Vec<NotificationBody>,
    /// Unread notifications in all (the bell's count).
    unread: i64,
    page: i64,
    pages: i64,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// 1-based page number; clamped into 1–10000.
    #[serde(default)]
    page: Option<i64>,
}

/// The caller's notifications, newest first, 20 a page.
#[utoipa::path(
    get,
    path = "/me/notification-centre",
    operation_id = "listNotifications",
    tag = "notifications",
    summary = "The caller's notifications",
    description = "Newest first, 20 a page, with the unread count.",
    params(PageParams),
    responses(
        (status = 200, description = "One page of notifications.", body = NotificationPage),
        (status = 400, response = BadRequest),
    ),
)]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    params: Result<Query<PageParams>, QueryRejection>,
) -> ApiResult<Json<NotificationPage>> {
    let Query(params) = params.map_err(|e| {
        ApiError::request_with_detail(
            StatusCode::BAD_REQUEST,
            "error-invalid-input",
            e.body_text(),
        )
    })?;
    let page = centre::page(&state.app, user.id, params.page.unwrap_or(1)).await?;
    Ok(Json(NotificationPage {
        notifications: page
            .notifications
            .into_iter()
            .map(NotificationBody::from)
            .collect(),
        unread: page.unread,
        page: page.page,
        pages: page.pages,
    }))
}

/// Where a notification leads, once marked read.
#[derive(Debug, Serialize, ToSchema)]
pub struct Opened {
    /// The page it links to (a path of the site).
    link: String,
}

/// Marks one of the caller's notifications read; doing it again changes nothing.
#[utoipa::path(
    post,
    path = "/me/notification-centre/{id}/read",
    operation_id = "readNotification",
    tag = "notifications",
    summary = "Mark a notification read",
    description = "Only the caller's own notifications; someone else's is not found. Idempotent.",
    params(("id" = String, Path, description = "The notification id.")),
    responses(
        (status = 200, description = "Marked read; where it leads.", body = Opened),
        (status = 404, response = NotFound),
    ),
)]
pub async fn read(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId,
) -> ApiResult<Json<Opened>> {
    let subject = centre::open(&state.app, user.id, id).await?;
    Ok(Json(Opened {
        link: subject.path(),
    }))
}

/// How many notifications were marked read.
#[derive(Debug, Serialize, ToSchema)]
pub struct MarkedRead {
    marked: u64,
}

/// Marks all the caller's notifications read.
#[utoipa::path(
    post,
    path = "/me/notification-centre/read-all",
    operation_id = "readAllNotifications",
    tag = "notifications",
    summary = "Mark all notifications read",
    responses((status = 200, description = "How many were unread.", body = MarkedRead)),
)]
pub async fn read_all(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<MarkedRead>> {
    let marked = centre::mark_all_read(&state.app, user.id).await?;
    Ok(Json(MarkedRead { marked }))
}

/// One row of the settings grid.
#[derive(Debug, Serialize, ToSchema)]
pub struct GridRow {
    #[schema(value_type = openapi::MailCategory)]
    category: MailCategory,
    mail: GridCell,
    /// Null where the row has no on-site channel (marketing mail).
    site: Option<GridCell>,
}

/// One cell: whether it is on, and whether the member may change it.
#[derive(Debug, Serialize, ToSchema)]
pub struct GridCell {
    enabled: bool,
    locked: bool,
}

/// The settings grid: event groups × channels, and the daily message digest.
#[derive(Debug, Serialize, ToSchema)]
pub struct Grid {
    rows: Vec<GridRow>,
    message_digest: bool,
}

impl From<grid::Grid> for Grid {
    fn from(g: grid::Grid) -> Grid {
        let cell = |c: grid::Cell| GridCell {
            enabled: c.enabled,
            locked: c.locked,
        };
        Grid {
            rows: g
                .rows
                .into_iter()
                .map(|r| GridRow {
                    category: r.category,
                    mail: cell(r.mail),
                    site: r.site.map(cell),
                })
                .collect(),
            message_digest: g.message_digest,
        }
    }
}

/// The caller's settings grid.
#[utoipa::path(
    get,
    path = "/me/notification-grid",
    operation_id = "getNotificationGrid",
    tag = "notifications",
    summary = "Notification settings grid",
    responses((status = 200, description = "Every group and channel.", body = Grid)),
)]
pub async fn grid_of(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<Grid>> {
    Ok(Json(grid::of(&state.app, user.id).await?.into()))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = NotificationGridUpdate)]
pub struct GridUpdate {
    #[serde(default)]
    #[schema(inline)]
    cells: Vec<CellChoice>,
    #[serde(default)]
    message_digest: Option<bool>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct CellChoice {
    #[schema(value_type = openapi::MailCategory)]
    category: MailCategory,
    #[schema(inline)]
    channel: ChannelInput,
    enabled: bool,
}

#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
enum ChannelInput {
    Mail,
    Site,
}

/// Changes the listed cells (others keep theirs) and answers the whole grid.
#[utoipa::path(
    put,
    path = "/me/notification-grid",
    operation_id = "updateNotificationGrid",
    tag = "notifications",
    summary = "Change the notification settings grid",
    description = "Only the listed cells change. Locked mail cells (account, transactions) cannot be switched off (409); marketing rows have no on-site cell (400).",
    request_body = GridUpdate,
    responses(
        (status = 200, description = "The grid after the change.", body = Grid),
        (status = 400, response = BadRequest),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
    ),
)]
pub async fn update_grid(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(input): ApiJson<GridUpdate>,
) -> ApiResult<Json<Grid>> {
    let changes = Changes {
        cells: input
            .cells
            .iter()
            .map(|c| {
                let channel = match c.channel {
                    ChannelInput::Mail => Channel::Mail,
                    ChannelInput::Site => Channel::Site,
                };
                (c.category, channel, c.enabled)
            })
            .collect(),
        message_digest: input.message_digest,
    };
    grid::update(&state.app, user.id, &changes).await?;
    Ok(Json(grid::of(&state.app, user.id).await?.into()))
}
