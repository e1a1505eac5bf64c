//! Follows (フォロー) and friend invitations (友達招待) in the API: following and unfollowing a
//! seller, the sellers the caller follows, the caller's followers and favouriters (members who
//! switched off being listed come without id or name), and the caller's invite link.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;
use yorozu_app::follows::{self, Fan};
use yorozu_app::promotions::invitations;
use yorozu_domain::UserId;

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::api::extract::ApiId;
use crate::api::openapi::fields as openapi;
use crate::api::openapi::responses::{Conflict, NotFound};
use crate::state::AppState;

/// Follows a seller; doing it again changes nothing.
#[utoipa::path(
    put,
    path = "/users/{id}/follow",
    operation_id = "followSeller",
    tag = "follows",
    summary = "Follow a seller",
    description = "The caller is told (notification centre, and mail if that cell is on) when the seller publishes \
                   a new service. Following oneself is a 409 `follow-self`; a suspended seller a 409 \
                   `follow-seller-unavailable`; a withdrawn or unknown member a 404.",
    params(("id" = String, Path, description = "The seller's member id.")),
    responses(
        (status = 204, description = "The caller follows the seller."),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    ),
)]
pub async fn follow(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<UserId>,
) -> ApiResult<StatusCode> {
    follows::set(&state.app, &user, id, true).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Stops following a seller; unfollowing one not followed changes nothing.
#[utoipa::path(
    delete,
    path = "/users/{id}/follow",
    operation_id = "unfollowSeller",
    tag = "follows",
    summary = "Stop following a seller",
    description = "Unfollowing a seller the caller does not follow changes nothing.",
    params(("id" = String, Path, description = "The seller's member id.")),
    responses((status = 204, description = "The caller does not follow the seller.")),
)]
pub async fn unfollow(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<UserId>,
) -> ApiResult<StatusCode> {
    follows::set(&state.app, &user, id, false).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A seller the caller follows.
#[derive(Debug, Serialize, ToSchema)]
pub struct FollowedSeller {
    #[schema(schema_with = openapi::id)]
    user_id: String,
    display_name: String,
    #[schema(schema_with = openapi::time)]
    followed_at: i64,
}

/// The sellers the caller follows, most recent first.
#[utoipa::path(
    get,
    path = "/me/following",
    operation_id = "listFollowedSellers",
    tag = "follows",
    summary = "The sellers the caller follows",
    description = "Active sellers only, most recently followed first.",
    responses((status = 200, description = "The followed sellers.", body = Vec<FollowedSeller>)),
)]
pub async fn following(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<Vec<FollowedSeller>>> {
    let rows = follows::following(&state.app, &user).await?;
    Ok(Json(
        rows.into_iter()
            .map(|f| FollowedSeller {
                user_id: f.seller_id.to_string(),
                display_name: f.display_name,
                followed_at: f.since,
            })
            .collect(),
    ))
}

/// A member on the caller's list of followers or favouriters.
#[derive(Debug, Serialize, ToSchema)]
pub struct FanBody {
    /// Null when the member switched off being shown to sellers (still counted).
    #[schema(schema_with = openapi::nullable_id, required)]
    user_id: Option<String>,
    /// Null when the member switched off being shown to sellers.
    #[schema(required)]
    display_name: Option<String>,
    /// The favourited service (favouriters only; null for followers).
    #[schema(schema_with = openapi::nullable_id, required)]
    listing_id: Option<String>,
    #[schema(schema_with = openapi::time)]
    at: i64,
}

impl From<Fan> for FanBody {
    fn from(f: Fan) -> FanBody {
        FanBody {
            user_id: f.user_id.map(|id| id.to_string()),
            display_name: f.display_name,
            listing_id: f.listing.map(|(id, _)| id.to_string()),
            at: f.at,
        }
    }
}

/// The caller's followers and favouriters.
#[derive(Debug, Serialize, ToSchema)]
pub struct FansBody {
    follower_count: i64,
    followers: Vec<FanBody>,
    favouriters: Vec<FanBody>,
}

/// Who follows the caller and who favourited the caller's services.
#[utoipa::path(
    get,
    path = "/me/fans",
    operation_id = "listMyFans",
    tag = "follows",
    summary = "The caller's followers and favouriters",
    description = "Newest first. Members who switched off being shown to sellers appear without id and name.",
    responses((status = 200, description = "Followers and favouriters.", body = FansBody)),
)]
pub async fn fans(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<FansBody>> {
    let fans = follows::fans(&state.app, &user).await?;
    Ok(Json(FansBody {
        follower_count: fans.follower_count,
        followers: fans.followers.into_iter().map(FanBody::from).collect(),
        favouriters: fans.favouriters.into_iter().map(FanBody::from).collect(),
    }))
}

/// The caller's invite link and its counts.
#[derive(Debug, Serialize, ToSchema)]
pub struct InviteBody {
    code: String,
    url: String,
    invited: i64,
    rewarded: i64,
    inviter_points: i64,
    invitee_points: i64,
    monthly_cap: i64,
}

/// The caller's invite link (made on first use).
#[utoipa::path(
    get,
    path = "/me/invite",
    operation_id = "getMyInvite",
    tag = "follows",
    summary = "The caller's invite link (友達招待)",
    description = "When a member who signed up through the link completes their first purchase, both receive \
                   points (`invitee_points`, `inviter_points`; the inviter's reward up to `monthly_cap` times a \
                   calendar month in Japan).",
    responses((status = 200, description = "The link and its counts.", body = InviteBody)),
)]
pub async fn invite(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<InviteBody>> {
    let i = invitations::mine(&state.app, &user).await?;
    Ok(Json(InviteBody {
        code: i.code,
        url: i.url,
        invited: i.invited,
        rewarded: i.rewarded,
        inviter_points: i.inviter_points,
        invitee_points: i.invitee_points,
        monthly_cap: i.monthly_cap,
    }))
}
