//! Services (出品): a seller creates drafts, edits, publishes, pauses and deletes them and
//! manages their images; anyone reads a published one.
//!
//! The API takes numbers as numbers and lists as lists, then hands the same raw form the
//! site's pages use to the use case, so both go through one validation path and report the
//! same field codes (`options` and `faq` problems carry their 1-based row in the message).

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use yorozu_app::listings::form::ListingForm;
use yorozu_app::listings::manage::{self, Action};
use yorozu_app::listings::view::{self, ListingView};
use yorozu_app::listings::{MyListing, images};
use yorozu_app::safety::checked::{self, Checked};
use yorozu_domain::ListingId;

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::api::extract::{ApiId, ApiJson, ApiLocale, ImageBody};
use crate::api::member::shown_name;
use crate::api::openapi::fields;
use crate::api::openapi::listing_fields as limits;
use crate::api::openapi::responses::{
    BadRequest, Conflict, Forbidden, NotFound, PayloadTooLarge, UnsupportedMediaType,
    ValidationFailed,
};
use crate::api::safety;
use crate::api::search::{CategoryBody, rating};
use crate::state::AppState;

// ---------------------------------------------------------------------------------------
// Input

/// A listing's content as the API takes it. A PUT replaces everything. Absent fields are
/// empty, so that a missing title or price is reported like an empty one (422, per field)
/// rather than as unreadable JSON.
///
/// The document lists as required what a valid listing needs; the server reads an absent one
/// as empty and answers 422 for it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ListingInput {
    #[serde(default)]
    #[schema(schema_with = limits::title, required)]
    title: String,
    /// A subcategory id from GET /categories (one with a parent_id).
    #[serde(default)]
    #[schema(required)]
    category: String,
    #[serde(default)]
    #[schema(schema_with = limits::description, required)]
    description: String,
    #[serde(default)]
    #[schema(schema_with = limits::price, required)]
    price: Option<i64>,
    #[serde(default)]
    #[schema(schema_with = limits::delivery_days, required)]
    delivery_days: Option<i64>,
    #[serde(default)]
    #[schema(schema_with = limits::revisions, required)]
    revisions: Option<RevisionsInput>,
    #[serde(default)]
    #[schema(schema_with = limits::buyer_notes)]
    buyer_notes: String,
    #[serde(default)]
    #[schema(schema_with = limits::options::<OptionInput>)]
    options: Vec<OptionInput>,
    #[serde(default)]
    #[schema(schema_with = limits::faq::<FaqInput>)]
    faq: Vec<FaqInput>,
    /// Save the texts even though they hold contact details (after a 422
    /// `contact-details-found`).
    #[serde(default)]
    acknowledge_contact_warning: bool,
}

/// A number of revisions, or `"unlimited"`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RevisionsInput {
    Count(i64),
    Word(String),
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct OptionInput {
    #[serde(default)]
    #[schema(schema_with = limits::option_title, required)]
    title: String,
    #[serde(default)]
    #[schema(schema_with = limits::option_price, required)]
    price: Option<i64>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct FaqInput {
    #[serde(default)]
    #[schema(schema_with = limits::faq_question, required)]
    question: String,
    #[serde(default)]
    #[schema(schema_with = limits::faq_answer, required)]
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
#[derive(Debug, Serialize, ToSchema)]
pub struct Listing {
    #[schema(schema_with = fields::id)]
    id: String,
    #[schema(value_type = limits::ListingStatus)]
    status: &'static str,
    category: CategoryBody,
    title: String,
    description: String,
    #[schema(schema_with = fields::yen)]
    price: i64,
    delivery_days: i64,
    #[schema(schema_with = limits::revisions)]
    revisions: RevisionsBody,
    buyer_notes: String,
    #[schema(inline)]
    options: Vec<OptionBody>,
    #[schema(inline)]
    faq: Vec<FaqBody>,
    images: Vec<ListingImage>,
    sales_count: i64,
    #[schema(schema_with = limits::rating, required)]
    rating: Option<f64>,
    rating_count: i64,
    favorites_count: i64,
    #[schema(schema_with = fields::nullable_time, required)]
    published_at: Option<i64>,
    #[schema(schema_with = fields::time)]
    updated_at: i64,
    seller: Seller,
    #[schema(schema_with = limits::vacation_until, required)]
    vacation_until: Option<i64>,
    /// Published and the seller is not on vacation.
    purchasable: bool,
    /// The service page on the site, for sharing.
    web_url: String,
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
enum RevisionsBody {
    Count(u8),
    Unlimited(&'static str),
}

#[derive(Debug, Serialize, ToSchema)]
struct OptionBody {
    title: String,
    #[schema(schema_with = fields::yen)]
    price: i64,
}

#[derive(Debug, Serialize, ToSchema)]
struct FaqBody {
    question: String,
    answer: String,
}

#[derive(Debug, Serialize, ToSchema)]
struct ListingImage {
    #[schema(schema_with = fields::id)]
    id: String,
    width: i64,
    height: i64,
    /// GET /listing-images/{id}.
    url: String,
    /// GET /listing-images/{id}/thumb (480×360).
    thumb_url: String,
}

#[derive(Debug, Serialize, ToSchema)]
struct Seller {
    #[schema(schema_with = fields::id)]
    user_id: String,
    #[schema(min_length = 1)]
    display_name: String,
    /// The seller has withdrawn (退会); `display_name` is then the localized 「退会したユーザー」.
    departed: bool,
    has_avatar: bool,
    #[schema(format = Int64)]
    avatar_version: i64,
    /// 本人確認済み.
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
#[derive(Debug, Serialize, ToSchema)]
pub struct OwnListing {
    #[schema(schema_with = fields::id)]
    id: String,
    #[schema(value_type = limits::ListingStatus)]
    status: String,
    #[schema(schema_with = fields::id)]
    category_id: String,
    title: String,
    #[schema(schema_with = fields::yen)]
    price: i64,
    delivery_days: i64,
    sales_count: i64,
    #[schema(schema_with = limits::rating, required)]
    rating: Option<f64>,
    rating_count: i64,
    favorites_count: i64,
    #[schema(schema_with = fields::nullable_time, required)]
    published_at: Option<i64>,
    #[schema(schema_with = fields::time)]
    created_at: i64,
    #[schema(schema_with = fields::time)]
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
#[utoipa::path(
    post,
    path = "/me/listings",
    operation_id = "createListing",
    summary = "Create a draft",
    description = "Creates a private draft; publish it with POST /listings/{id}/status. Needs a confirmed e-mail \
                   address (409 `listing-needs-confirmed-email`). Every field is checked and all problems are \
                   reported at once, nothing is saved unless everything is valid; a problem with one paid option \
                   or FAQ entry names its 1-based row in the message.",
    request_body = ListingInput,
    responses(
        (status = 201, description = "The draft; `Location` points at it.", body = Listing),
        (status = 400, response = BadRequest),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = safety::ValidationOrContactDetails),
    ),
)]
pub async fn create(
    State(state): State<AppState>,
    caller: ApiUser,
    ApiLocale(locale): ApiLocale,
    headers: HeaderMap,
    ApiJson(input): ApiJson<ListingInput>,
) -> ApiResult<Response> {
    let acknowledged = input.acknowledge_contact_warning;
    let id =
        match checked::create_listing(&state.app, &caller.0, &input.into(), acknowledged).await? {
            Checked::Done(id) => id,
            Checked::Warning(w) => return Ok(safety::warning_response(&headers, &w)),
        };
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
#[utoipa::path(
    get,
    path = "/me/listings",
    operation_id = "listMyListings",
    summary = "The caller's listings",
    description = "Drafts, published and paused listings (not deleted ones), most recently updated first.",
    responses((status = 200, description = "The listings.", body = Vec<OwnListing>)),
)]
pub async fn mine(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<Vec<OwnListing>>> {
    let rows = manage::mine(&state.app, &user).await?;
    Ok(Json(rows.into_iter().map(OwnListing::from).collect()))
}

/// A listing: published and paused ones for anyone, drafts for their seller only.
#[utoipa::path(
    get,
    path = "/listings/{id}",
    operation_id = "getListing",
    summary = "A listing",
    description = "Published and paused listings are public (`status` tells them apart; a paused one cannot be \
                   bought). A draft is shown to its seller only; to anyone else it does not exist.",
    security((), ("bearerAuth" = [])),
    params(("id" = String, Path, description = "The listing id.")),
    responses(
        (status = 200, description = "The listing.", body = Listing),
        (status = 404, response = NotFound),
    ),
)]
pub async fn get(
    State(state): State<AppState>,
    caller: Option<ApiUser>,
    ApiLocale(locale): ApiLocale,
    ApiId(id): ApiId<ListingId>,
) -> ApiResult<Json<Listing>> {
    Ok(Json(load(&state, caller.as_ref(), id, locale).await?))
}

/// Replaces the content of the caller's own listing.
#[utoipa::path(
    put,
    path = "/listings/{id}",
    operation_id = "updateListing",
    summary = "Replace a listing's content",
    description = "The caller's own listing, in any status but deleted; the same rules as creating one. Images \
                   and status are unchanged.",
    params(("id" = String, Path, description = "The listing id.")),
    request_body = ListingInput,
    responses(
        (status = 200, description = "The updated listing.", body = Listing),
        (status = 400, response = BadRequest),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = safety::ValidationOrContactDetails),
    ),
)]
pub async fn update(
    State(state): State<AppState>,
    caller: ApiUser,
    ApiLocale(locale): ApiLocale,
    ApiId(id): ApiId<ListingId>,
    headers: HeaderMap,
    ApiJson(input): ApiJson<ListingInput>,
) -> ApiResult<Response> {
    let acknowledged = input.acknowledge_contact_warning;
    if let Checked::Warning(w) =
        checked::update_listing(&state.app, &caller.0, id, &input.into(), acknowledged).await?
    {
        return Ok(safety::warning_response(&headers, &w));
    }
    Ok(Json(load(&state, Some(&caller), id, locale).await?).into_response())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
enum ActionInput {
    Publish,
    Pause,
    Resume,
    Delete,
}

#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = ListingStatusRequest)]
#[serde(deny_unknown_fields)]
pub struct StatusRequest {
    #[schema(inline)]
    action: ActionInput,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ListingStatusResult)]
pub struct StatusBody {
    #[schema(value_type = limits::ListingStatus)]
    status: &'static str,
}

/// Publishes, pauses (出品停止), resumes or deletes the caller's own listing.
#[utoipa::path(
    post,
    path = "/listings/{id}/status",
    operation_id = "changeListingStatus",
    summary = "Publish, pause, resume or delete",
    description = "draft → published (`publish`, needs a confirmed e-mail address), published → paused (`pause`, \
                   出品停止), paused → published (`resume`), any → deleted (`delete`, final: the listing and its \
                   images are gone). Other moves are a 409 `listing-status-transition-not-allowed`.",
    params(("id" = String, Path, description = "The listing id.")),
    request_body = StatusRequest,
    responses(
        (status = 200, description = "The new status.", body = StatusBody),
        (status = 400, response = BadRequest),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
    ),
)]
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

#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedImage {
    #[schema(schema_with = fields::id)]
    id: String,
    url: String,
    thumb_url: String,
}

/// Adds an image (the request body) to the caller's own listing.
#[utoipa::path(
    post,
    path = "/listings/{id}/images",
    operation_id = "addListingImage",
    summary = "Add an image",
    description = "Up to 10 images per listing (422 `listing-images-too-many` on field `image`). The image is \
                   checked by its content, scaled to at most 1280 pixels and stored as JPEG with a 480×360 \
                   thumbnail.",
    params(("id" = String, Path, description = "The listing id.")),
    request_body(
        content = inline(fields::ImageFile),
        content_type = "image/*",
        description = "The image file itself (JPEG, PNG, WebP or GIF), not multipart.",
    ),
    responses(
        (status = 201, description = "The new image; `Location` points at it.", body = CreatedImage),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
    ),
)]
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
#[utoipa::path(
    delete,
    path = "/listing-images/{id}",
    operation_id = "removeListingImage",
    summary = "Remove an image",
    params(("id" = String, Path, description = "The image id.")),
    responses(
        (status = 204, description = "Removed."),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn remove_image(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId,
) -> ApiResult<StatusCode> {
    images::remove(&state.app, &user, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The image as JPEG: anyone's for a published or paused listing, the seller's own for a draft.
#[utoipa::path(
    get,
    path = "/listing-images/{id}",
    operation_id = "getListingImage",
    summary = "A listing image",
    description = "Public for published and paused listings; a draft's images for its seller only.",
    security((), ("bearerAuth" = [])),
    params(("id" = String, Path, description = "The image id.")),
    responses(
        (status = 200, description = "The image as JPEG.", content_type = "image/jpeg", body = inline(fields::JpegFile)),
        (status = 404, response = NotFound),
    ),
)]
pub async fn image(
    State(state): State<AppState>,
    caller: Option<ApiUser>,
    ApiId(id): ApiId,
) -> ApiResult<Response> {
    jpeg(images::load(&state.app, caller.as_ref().map(|ApiUser(u)| u), id, false).await?)
}

/// The image's 480×360 thumbnail as JPEG, under the same rules.
#[utoipa::path(
    get,
    path = "/listing-images/{id}/thumb",
    operation_id = "getListingThumbnail",
    summary = "A listing image's thumbnail",
    description = "480×360, under the same rules as the image.",
    security((), ("bearerAuth" = [])),
    params(("id" = String, Path, description = "The image id.")),
    responses(
        (status = 200, description = "The thumbnail as JPEG.", content_type = "image/jpeg", body = inline(fields::JpegFile)),
        (status = 404, response = NotFound),
    ),
)]
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
