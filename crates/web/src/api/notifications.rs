//! Notification (mail) settings per category.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use yorozu_app::mail::MailCategory;
use yorozu_app::mail::settings::{self, Setting};
use yorozu_domain::UserId;

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::api::extract::ApiJson;
use crate::api::openapi::fields as openapi;
use crate::api::openapi::responses::{BadRequest, Conflict, UnsupportedMediaType};
use crate::state::AppState;

/// One category: whether its mail is sent, and whether the member may switch it off.
#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationSetting {
    #[schema(value_type = openapi::MailCategory)]
    category: MailCategory,
    enabled: bool,
    /// Transactional mail, always sent.
    locked: bool,
}

impl From<Setting> for NotificationSetting {
    fn from(s: Setting) -> NotificationSetting {
        NotificationSetting {
            category: s.category,
            enabled: s.enabled,
            locked: s.locked,
        }
    }
}

async fn current(state: &AppState, user_id: UserId) -> ApiResult<Json<Vec<NotificationSetting>>> {
    let list = settings::of(&state.app, user_id).await?;
    Ok(Json(
        list.into_iter().map(NotificationSetting::from).collect(),
    ))
}

#[utoipa::path(
    get,
    path = "/me/notifications",
    operation_id = "listNotificationSettings",
    summary = "Notification settings",
    responses((status = 200, description = "Every category.", body = Vec<NotificationSetting>)),
)]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<Vec<NotificationSetting>>> {
    current(&state, user.id).await
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = NotificationUpdate)]
pub struct UpdateRequest {
    #[schema(inline)]
    settings: Vec<Choice>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct Choice {
    #[schema(value_type = openapi::MailCategory)]
    category: MailCategory,
    enabled: bool,
}

/// Changes the listed categories (others keep their setting) and answers the whole list.
/// Switching off a locked (transactional) category is a 409.
#[utoipa::path(
    put,
    path = "/me/notifications",
    operation_id = "updateNotificationSettings",
    summary = "Change notification settings",
    description = "Only the listed categories change. Locked (transactional) categories cannot be switched off.",
    request_body = UpdateRequest,
    responses(
        (status = 200, description = "Every category after the change.", body = Vec<NotificationSetting>),
        (status = 400, response = BadRequest),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
    ),
)]
pub async fn update(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(input): ApiJson<UpdateRequest>,
) -> ApiResult<Json<Vec<NotificationSetting>>> {
    let choices: Vec<(MailCategory, bool)> = input
        .settings
        .iter()
        .map(|c| (c.category, c.enabled))
        .collect();
    settings::update(&state.app, user.id, &choices).await?;
    current(&state, user.id).await
}
