//! Profiles: anyone may read an active member's profile; members edit their own text and avatar.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use yorozu_app::profile::edit::{self, ProfileForm};
use yorozu_app::profile::{ProfileView, avatar, view};
use yorozu_domain::UserId;
use yorozu_domain::profile::Completeness;

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::api::extract::{ApiId, ApiJson, ImageBody};
use crate::state::AppState;

#[derive(Debug, Serialize)]
pub struct Profile {
    user_id: String,
    display_name: String,
    introduction: String,
    skills: Vec<String>,
    career: String,
    track_record: String,
    sns_links: Vec<SnsLink>,
    nda: &'static str,
    has_avatar: bool,
    avatar_version: i64,
    identity_verified_at: Option<i64>,
    member_since: i64,
    /// Only in the member's own profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    completeness: Option<CompletenessBody>,
}

#[derive(Debug, Serialize)]
struct SnsLink {
    kind: &'static str,
    url: String,
}

#[derive(Debug, Serialize)]
struct CompletenessBody {
    percent: u8,
    suggestions: Vec<SuggestionBody>,
}

/// A step that would raise the score: a message id and the points it is worth.
#[derive(Debug, Serialize)]
struct SuggestionBody {
    code: &'static str,
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
#[derive(Debug, Deserialize)]
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
    #[serde(default)]
    sns_links: Vec<String>,
    /// "unspecified", "willing" or "not-willing"; unspecified when absent.
    #[serde(default)]
    nda: String,
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

pub async fn update(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(input): ApiJson<ProfileInput>,
) -> ApiResult<Json<Profile>> {
    edit::update(&state.app, user.id, &input.into()).await?;
    Ok(Json(Profile::new(load(&state, user.id).await?, true)))
}

/// Replaces the avatar with the request body (any common image format; it is cropped to a
/// square and re-encoded).
pub async fn upload_avatar(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ImageBody(bytes): ImageBody,
) -> ApiResult<StatusCode> {
    avatar::upload(&state.app, user.id, bytes).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn remove_avatar(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<StatusCode> {
    avatar::remove(&state.app, user.id).await?;
    Ok(StatusCode::NO_CONTENT)
}
