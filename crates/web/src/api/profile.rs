//! Profiles: anyone may read an active member's profile; members edit their own text and avatar.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use yorozu_app::profile::edit::ProfileForm;
use yorozu_app::profile::{ProfileView, avatar, view};
use yorozu_app::safety::checked::{self, Checked};
use yorozu_domain::UserId;
use yorozu_domain::profile::Completeness;

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::api::extract::{ApiId, ApiJson, ImageBody};
use crate::api::openapi::fields as openapi;
use crate::api::openapi::responses::{
    BadRequest, NotFound, PayloadTooLarge, UnsupportedMediaType, ValidationFailed,
};
use crate::api::safety;
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct Profile {
    #[schema(schema_with = openapi::id)]
    user_id: String,
    display_name: String,
    introduction: String,
    skills: Vec<String>,
    career: String,
    track_record: String,
    sns_links: Vec<SnsLink>,
    #[schema(value_type = openapi::Nda)]
    nda: &'static str,
    has_avatar: bool,
    /// Changes with each new avatar.
    avatar_version: i64,
    #[schema(schema_with = openapi::nullable_time, required)]
    identity_verified_at: Option<i64>,
    #[schema(schema_with = openapi::time)]
    member_since: i64,
    /// Only in the member's own profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = CompletenessBody)]
    completeness: Option<CompletenessBody>,
}

#[derive(Debug, Serialize, ToSchema)]
struct SnsLink {
    #[schema(schema_with = openapi::sns_kind)]
    kind: &'static str,
    url: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Completeness)]
struct CompletenessBody {
    #[schema(maximum = 100)]
    percent: u8,
    suggestions: Vec<SuggestionBody>,
}

/// A step that would raise the score: a message id and the points it is worth.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Suggestion)]
struct SuggestionBody {
    /// e.g. suggest-add-avatar.
    code: &'static str,
    /// Percentage points this step adds.
    gain: u8,
}

impl From<Completeness> for CompletenessBody {
    fn from(c: Completeness) -> CompletenessBody {
        CompletenessBody {
            percent: c.percent,
            suggestions: c
                .suggestions
                .iter()
                .map(|s| SuggestionBody {
                    code: s.key(),
                    gain: s.gain(),
                })
                .collect(),
        }
    }
}

impl Profile {
    fn new(p: ProfileView, own: bool) -> Profile {
        let completeness = own.then(|| p.completeness().into());
        Profile {
            user_id: p.user_id.to_string(),
            display_name: p.display_name,
            introduction: p.introduction,
            skills: p.skills,
            career: p.career,
            track_record: p.track_record,
            sns_links: p
                .sns_links
                .into_iter()
                .map(|l| SnsLink {
                    kind: l.kind,
                    url: l.url,
                })
                .collect(),
            nda: p.nda.as_str(),
            has_avatar: p.has_avatar,
            avatar_version: p.avatar_version,
            identity_verified_at: p.identity_verified_at,
            member_since: p.member_since,
            completeness,
        }
    }
}

async fn load(state: &AppState, user_id: UserId) -> ApiResult<ProfileView> {
    Ok(view::find(&state.app, user_id).await?)
}

/// The public profile of an active member; the caller's own includes its completeness.
#[utoipa::path(
    get,
    path = "/users/{id}/profile",
    operation_id = "getProfile",
    summary = "A member's public profile",
    description = "Anyone may read it. When the token belongs to the same member, `completeness` is included.",
    security((), ("bearerAuth" = [])),
    params(("id" = String, Path, description = "The member's user id.")),
    responses(
        (status = 200, description = "The profile.", body = Profile),
        (status = 404, response = NotFound),
    ),
)]
pub async fn public_profile(
    State(state): State<AppState>,
    caller: Option<ApiUser>,
    ApiId(user_id): ApiId<UserId>,
) -> ApiResult<Json<Profile>> {
    let own = caller.is_some_and(|ApiUser(u)| u.id == user_id);
    Ok(Json(Profile::new(load(&state, user_id).await?, own)))
}

/// The profile text as the API takes it: lists are lists (the site's form takes one text
/// box each). A PUT replaces everything, so absent fields become empty.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileInput {
    display_name: String,
    #[serde(default)]
    introduction: String,
    #[serde(default)]
    skills: Vec<String>,
    #[serde(default)]
    career: String,
    #[serde(default)]
    track_record: String,
    /// https:// URLs.
    #[serde(default)]
    sns_links: Vec<String>,
    /// Unspecified when absent.
    #[serde(default)]
    #[schema(value_type = openapi::Nda)]
    nda: String,
    /// Save the texts even though they hold contact details (after a 422
    /// `contact-details-found`). The SNS links are not checked.
    #[serde(default)]
    acknowledge_contact_warning: bool,
}

impl From<ProfileInput> for ProfileForm {
    fn from(p: ProfileInput) -> ProfileForm {
        ProfileForm {
            display_name: p.display_name,
            introduction: p.introduction,
            skills: p.skills.join("\n"),
            career: p.career,
            track_record: p.track_record,
            sns_links: p.sns_links.join("\n"),
            nda: p.nda,
        }
    }
}

#[utoipa::path(
    put,
    path = "/me/profile",
    operation_id = "updateProfile",
    summary = "Replace the caller's profile text",
    description = "Every field is checked and all problems are reported at once; nothing is saved unless \
                   everything is valid. Absent optional fields become empty.",
    request_body = ProfileInput,
    responses(
        (status = 200, description = "The updated profile.", body = Profile),
        (status = 400, response = BadRequest),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = safety::ValidationOrContactDetails),
    ),
)]
pub async fn update(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    headers: HeaderMap,
    ApiJson(input): ApiJson<ProfileInput>,
) -> ApiResult<Response> {
    let acknowledged = input.acknowledge_contact_warning;
    if let Checked::Warning(w) =
        checked::update_profile(&state.app, user.id, &input.into(), acknowledged).await?
    {
        return Ok(safety::warning_response(&headers, &w));
    }
    Ok(Json(Profile::new(load(&state, user.id).await?, true)).into_response())
}

/// Replaces the avatar with the request body (any common image format; it is cropped to a
/// square and re-encoded).
#[utoipa::path(
    put,
    path = "/me/avatar",
    operation_id = "uploadAvatar",
    summary = "Replace the avatar",
    description = "The image is cropped to a square and re-encoded.",
    request_body(
        content = inline(openapi::ImageFile),
        content_type = "image/*",
        description = "The image file itself (JPEG, PNG, WebP or GIF), not multipart.",
    ),
    responses(
        (status = 204, description = "Avatar replaced."),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
    ),
)]
pub async fn upload_avatar(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ImageBody(bytes): ImageBody,
) -> ApiResult<StatusCode> {
    avatar::upload(&state.app, user.id, bytes).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    delete,
    path = "/me/avatar",
    operation_id = "removeAvatar",
    summary = "Remove the avatar",
    responses((status = 204, description = "Avatar removed (or there was none).")),
)]
pub async fn remove_avatar(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<StatusCode> {
    avatar::remove(&state.app, user.id).await?;
    Ok(StatusCode::NO_CONTENT)
}
