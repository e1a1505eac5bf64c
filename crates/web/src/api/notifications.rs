//! Notification (mail) settings per category.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use yorozu_app::mail::MailCategory;
use yorozu_app::mail::settings::{self, Setting};
use yorozu_domain::UserId;

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::api::extract::ApiJson;
use crate::state::AppState;

/// One category: whether its mail is sent, and whether the member may switch it off.
#[derive(Debug, Serialize)]
pub struct NotificationSetting {
    category: MailCategory,
    enabled: bool,
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

pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<Vec<NotificationSetting>>> {
    current(&state, user.id).await
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateRequest {
    settings: Vec<Choice>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Choice {
    category: MailCategory,
    enabled: bool,
}

/// Changes the listed categories (others keep their setting) and answers the whole list.
/// Switching off a locked (transactional) category is a 409.
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
