//! Services (出品): a seller creates drafts, edits, publishes, pauses and deletes them and
//! manages their images; anyone reads a published one.
//!
//! The API takes numbers as numbers and lists as lists, then hands the same raw form the
//! site's pages use to the use case, so both go through one validation path and report the
//! same field codes (`options` and `faq` problems carry their 1-based row in the message).

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use yorozu_app::listings::form::ListingForm;
use yorozu_app::listings::manage::{self, Action};
use yorozu_app::listings::view::{self, ListingView};
use yorozu_app::listings::{MyListing, edit, images};
use yorozu_domain::ListingId;

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::api::extract::{ApiId, ApiJson, ApiLocale, ImageBody};
use crate::api::member::shown_name;
use crate::api::search::{CategoryBody, rating};
use crate::state::AppState;

// ---------------------------------------------------------------------------------------
// Input

/// A listing's content as the API takes it. A PUT replaces everything. Absent fields are
/// empty, so that a missing title or price is reported like an empty one (422, per field)
/// rather than as unreadable JSON.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListingInput {
    #[serde(default)]
    title: String,
    /// A leaf category id, as a string like every id.
    #[serde(default)]
    category: String,
    #[serde(default)]
    description: String,
    /// Whole yen.
    #[serde(default)]
    price: Option<i64>,
    #[serde(default)]
    delivery_days: Option<i64>,
    #[serde(default)]
    revisions: Option<RevisionsInput>,
    #[serde(default)]
    buyer_notes: String,
    #[serde(default)]
    options: Vec<OptionInput>,
    #[serde(default)]
    faq: Vec<FaqInput>,
}

/// A number of revisions, or `"unlimited"`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RevisionsInput {
    Count(i64),
    Word(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OptionInput {
    #[serde(default)]
    title: String,
    #[serde(default)]
    price: Option<i64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FaqInput {
    #[serde(default)]
    question: String,
    #[serde(default)]
    answer: String,
}

fn number(n: Option<i64>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

impl From<ListingInput> for ListingForm {
    fn from(i: ListingInput) -> ListingForm {
        let revisions = match i.revisions {
            Some(RevisionsInput::Count(n)) => n.to_string(),
            Some(RevisionsInput::Word(w)) => w,
            None => String::new(),
        };
        ListingForm {
            title: i.title,
            category: i.category,
            description: i.description,
            price: number(i.price),
            delivery_days: number(i.delivery_days),
            revisions,
            buyer_notes: i.buyer_notes,
            option_titles: i.options.iter().map(|o| o.title.clone()).collect(),
            option_prices: i.options.iter().map(|o| number(o.price)).collect(),
            faq_questions: i.faq.iter().map(|f| f.question.clone()).collect(),
            faq_answers: i.faq.into_iter().map(|f| f.answer).collect(),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Output

/// One listing in full, as its page shows it.
#[derive(Debug, Serialize)]
pub struct Listing {
    id: String,
    status: &'static str,
    category: CategoryBody,
    title: String,
    description: String,
    price: i64,
    delivery_days: i64,
    revisions: RevisionsBody,
    buyer_notes: String,
    options: Vec<OptionBody>,
    faq: Vec<FaqBody>,
    images: Vec<ListingImage>,
    sales_count: i64,
    rating: Option<f64>,
    rating_count: i64,
    favorites_count: i64,
    published_at: Option<i64>,
    updated_at: i64,
    seller: Seller,
    vacation_until: Option<i64>,
    purchasable: bool,
    web_url: String,
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
enum RevisionsBody {
    Count(u8),
    Unlimited(&'static str),
}

#[derive(Debug, Serialize)]
struct OptionBody {
    title: String,
    price: i64,
}

#[derive(Debug, Serialize)]
struct FaqBody {
    question: String,
    answer: String,
}

#[derive(Debug, Serialize)]
struct ListingImage {
    id: String,
    width: i64,
    height: i64,
    url: String,
    thumb_url: String,
}

#[derive(Debug, Serialize)]
struct Seller {
    user_id: String,
    display_name: String,
    /// The seller has left (the same meaning as [`crate::api::member::MemberRef`]).
    departed: bool,
    has_avatar: bool,
    avatar_version: i64,
    identity_verified: bool,
}

/// The API paths of an image and of its thumbnail.
pub(crate) fn image_url(id: i64) -> String {
    format!("/api/v1/listing-images/{id}")
}

pub(crate) fn thumb_url(id: i64) -> String {
    format!("/api/v1/listing-images/{id}/thumb")
}

impl Listing {
    fn new(v: ListingView, state: &AppState, locale: yorozu_domain::Locale) -> Listing {
        let (seller_name, departed) = shown_name(v.seller.display_name.clone(), locale);
        Listing {
            id: v.id.to_string(),
            status: v.status.as_str(),
            category: CategoryBody::of_id(v.category_id, locale),
            title: v.title,
            description: v.description,
            price: v.price.get(),
            delivery_days: v.delivery_days,
            revisions: v
                .revisions
                .map_or(RevisionsBody::Unlimited("unlimited"), RevisionsBody::Count),
            buyer_notes: v.buyer_notes,
            options: v
                .options
                .into_iter()
                .map(|o| OptionBody {
                    title: o.title,
                    price: o.price.get(),
                })
                .collect(),
            faq: v
                .faq
                .into_iter()
                .map(|f| FaqBody {
                    question: f.question,
                    answer: f.answer,
                })
                .collect(),
            images: v
                .images
                .into_iter()
                .map(|i| ListingImage {
                    id: i.id.to_string(),
                    width: i.width,
                    height: i.height,
                    url: image_url(i.id),
                    thumb_url: thumb_url(i.id),
                })
                .collect(),
            sales_count: v.sales_count,
            rating: rating(v.rating_x100, v.rating_count),
            rating_count: v.rating_count,
            favorites_count: v.favorites_count,
            published_at: v.published_at,
            updated_at: v.updated_at,
            seller: Seller {
                user_id: v.seller.user_id.to_string(),
                display_name: seller_name,
                departed,
                has_avatar: v.seller.has_avatar,
                avatar_version: v.seller.avatar_version,
                identity_verified: v.seller.identity_verified_at.is_some(),
            },
            vacation_until: v.vacation_until,
            purchasable: v.purchasable,
            web_url: format!(
                "{}/services/{}",
                state.app.site.base_url.trim_end_matches('/'),
                v.id
            ),
        }
    }
}

/// One of the seller's own listings, in any status but deleted.
#[derive(Debug, Serialize)]
pub struct OwnListing {
    id: String,
    status: String,
    category_id: String,
    title: String,
    price: i64,
    delivery_days: i64,
    sales_count: i64,
    rating: Option<f64>,
    rating_count: i64,
    favorites_count: i64,
    published_at: Option<i64>,
    created_at: i64,
    updated_at: i64,
}

impl From<MyListing> for OwnListing {
    fn from(r: MyListing) -> OwnListing {
        OwnListing {
            id: r.id.to_string(),
            status: r.status.as_str().to_owned(),
            category_id: r.category_id.to_string(),
            title: r.title,
            price: r.price.get(),
            delivery_days: r.delivery_days,
            sales_count: r.sales_count,
            rating: rating(r.rating_x100, r.rating_count),
            rating_count: r.rating_count,
            favorites_count: r.favorites_count,
            published_at: r.published_at,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

async fn load(
    state: &AppState,
    viewer: Option<&ApiUser>,
    id: ListingId,
    locale: yorozu_domain::Locale,
) -> ApiResult<Listing> {
    let view = view::load(&state.app, viewer.map(|ApiUser(u)| u), id).await?;
    Ok(Listing::new(view, state, locale))
}

// ---------------------------------------------------------------------------------------
// Handlers

/// Creates a private draft; `Location` points at it.
pub async fn create(
    State(state): State<AppState>,
    caller: ApiUser,
    ApiLocale(locale): ApiLocale,
    ApiJson(input): ApiJson<ListingInput>,
) -> ApiResult<Response> {
    let id = edit::create(&state.app, &caller.0, &input.into()).await?;
    let listing = load(&state, Some(&caller), id, locale).await?;
    let location = format!("/api/v1/listings/{id}");
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(listing),
    )
        .into_response())
}

/// The caller's own listings (drafts, published and paused), newest first.
pub async fn mine(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<Vec<OwnListing>>> {
    let rows = manage::mine(&state.app, &user).await?;
    Ok(Json(rows.into_iter().map(OwnListing::from).collect()))
}

/// A listing: published and paused ones for anyone, drafts for their seller only.
pub async fn get(
    State(state): State<AppState>,
    caller: Option<ApiUser>,
    ApiLocale(locale): ApiLocale,
    ApiId(id): ApiId<ListingId>,
) -> ApiResult<Json<Listing>> {
    Ok(Json(load(&state, caller.as_ref(), id, locale).await?))
}

/// Replaces the content of the caller's own listing.
pub async fn update(
    State(state): State<AppState>,
    caller: ApiUser,
    ApiLocale(locale): ApiLocale,
    ApiId(id): ApiId<ListingId>,
    ApiJson(input): ApiJson<ListingInput>,
) -> ApiResult<Json<Listing>> {
    edit::update(&state.app, &caller.0, id, &input.into()).await?;
    Ok(Json(load(&state, Some(&caller), id, locale).await?))
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "lowercase")]
enum ActionInput {
    Publish,
    Pause,
    Resume,
    Delete,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusRequest {
    action: ActionInput,
}

#[derive(Debug, Serialize)]
pub struct StatusBody {
    status: &'static str,
}

/// Publishes, pauses (出品停止), resumes or deletes the caller's own listing.
pub async fn set_status(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<ListingId>,
    ApiJson(input): ApiJson<StatusRequest>,
) -> ApiResult<Json<StatusBody>> {
    let action = match input.action {
        ActionInput::Publish => Action::Publish,
        ActionInput::Pause => Action::Pause,
        ActionInput::Resume => Action::Resume,
        ActionInput::Delete => Action::Delete,
    };
    let status = manage::apply(&state.app, &user, id, action).await?;
    Ok(Json(StatusBody {
        status: status.as_str(),
    }))
}

#[derive(Debug, Serialize)]
pub struct CreatedImage {
    id: String,
    url: String,
    thumb_url: String,
}

/// Adds an image (the request body) to the caller's own listing.
pub async fn add_image(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(listing_id): ApiId<ListingId>,
    ImageBody(bytes): ImageBody,
) -> ApiResult<Response> {
    let id = images::add(&state.app, &user, listing_id, bytes).await?;
    let body = CreatedImage {
        id: id.to_string(),
        url: image_url(id),
        thumb_url: thumb_url(id),
    };
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, image_url(id))],
        Json(body),
    )
        .into_response())
}

/// Removes an image from the caller's own listing.
pub async fn remove_image(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId,
) -> ApiResult<StatusCode> {
    images::remove(&state.app, &user, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The image as JPEG: anyone's for a published or paused listing, the seller's own for a draft.
pub async fn image(
    State(state): State<AppState>,
    caller: Option<ApiUser>,
    ApiId(id): ApiId,
) -> ApiResult<Response> {
    jpeg(images::load(&state.app, caller.as_ref().map(|ApiUser(u)| u), id, false).await?)
}

/// The image's 480×360 thumbnail as JPEG, under the same rules.
pub async fn thumbnail(
    State(state): State<AppState>,
    caller: Option<ApiUser>,
    ApiId(id): ApiId,
) -> ApiResult<Response> {
    jpeg(images::load(&state.app, caller.as_ref().map(|ApiUser(u)| u), id, true).await?)
}

fn jpeg(bytes: Vec<u8>) -> ApiResult<Response> {
    // Image ids are never reused, but a draft's image is private: caches must not share it.
    Ok((
        [
            (header::CONTENT_TYPE, "image/jpeg"),
            (header::CACHE_CONTROL, "private, max-age=3600"),
        ],
        bytes,
    )
        .into_response())
}
