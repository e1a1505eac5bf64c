//! Quote consultations (見積り相談) and custom offers (カスタム提案) in the API: asking about a
//! service, the caller's consultations, one consultation with its messages and offer
//! versions, writing, sending or revising an offer (seller), declining or withdrawing one.
//! Buying an offer is `POST /orders/quote` and `POST /orders` with its `offer_id`.
//! Attachments are sent on the pages; the API lists them.

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa::openapi::schema::{ArrayBuilder, Object, ObjectBuilder, SchemaType, Type};
use yorozu_app::accounts::CurrentUser;
use yorozu_app::offers::form::OfferForm;
use yorozu_app::offers::view::{self, ConsultationView};
use yorozu_app::offers::{Side, decide};
use yorozu_app::safety::checked::{self, Checked};
use yorozu_domain::listings::MAX_LISTING_DESCRIPTION_CHARS;
use yorozu_domain::offers::{DECLINE_REASON_MAX_CHARS, OfferState};
use yorozu_domain::orders::text::MESSAGE_MAX_CHARS;
use yorozu_domain::{ConsultationId, ListingId, OfferId};

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::api::extract::{ApiId, ApiJson};
use crate::api::openapi::fields::{self as openapi, one_of, text};
use crate::api::openapi::responses::{
    BadRequest, Conflict, Forbidden, NotFound, UnsupportedMediaType, ValidationFailed,
};
use crate::api::safety;
use crate::state::AppState;

fn side() -> Object {
    one_of(&["buyer", "seller"])
}

fn state() -> Object {
    let mut schema = one_of(&OfferState::ALL.map(OfferState::as_str));
    schema.description = Some(
        "As of now: an open offer past its expiry is `expired`. Only `open` can be bought.".into(),
    );
    schema
}

fn nullable_count() -> Object {
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::Integer, Type::Null]))
        .description(Some("The number of revisions; null for unlimited."))
        .build()
}

fn changes() -> utoipa::openapi::schema::Array {
    ArrayBuilder::new()
        .items(one_of(&[
            "title",
            "included",
            "price",
            "delivery_days",
            "revisions",
            "options",
            "expiry",
        ]))
        .description(Some(
            "What differs from the previous version (empty for the first).",
        ))
        .build()
}

fn message_text() -> Object {
    text(MESSAGE_MAX_CHARS, "")
}

fn included_text() -> Object {
    text(
        MAX_LISTING_DESCRIPTION_CHARS,
        "What is included (提案内容).",
    )
}

fn reason_text() -> Object {
    text(
        DECLINE_REASON_MAX_CHARS,
        "Why, optional; sent to the seller.",
    )
}

// ---------------------------------------------------------------------------------------
// Bodies

/// A file sent with a message (downloaded on the consultation page).
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ConsultationAttachment)]
pub struct AttachmentBody {
    #[schema(schema_with = openapi::id)]
    id: String,
    file_name: String,
    size_bytes: i64,
}

/// One message of a consultation.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ConsultationMessage)]
pub struct MessageBody {
    #[schema(schema_with = openapi::id)]
    id: String,
    /// Written by the caller.
    mine: bool,
    body: String,
    #[schema(schema_with = openapi::time)]
    created_at: i64,
    attachments: Vec<AttachmentBody>,
}

/// One paid option of an offer.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[schema(as = OfferOption)]
#[serde(deny_unknown_fields)]
pub struct OptionBody {
    #[serde(default)]
    title: String,
    #[serde(default)]
    #[schema(schema_with = openapi::yen)]
    price: i64,
}

/// One version of a custom offer.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Offer)]
pub struct OfferBody {
    #[schema(schema_with = openapi::id)]
    id: String,
    version: i64,
    title: String,
    included: String,
    #[schema(schema_with = openapi::yen)]
    price: i64,
    delivery_days: i64,
    #[schema(schema_with = nullable_count)]
    revisions: Option<u8>,
    options: Vec<OptionBody>,
    #[schema(schema_with = state)]
    state: &'static str,
    #[schema(schema_with = openapi::nullable_text)]
    decline_reason: Option<String>,
    #[schema(schema_with = openapi::time)]
    expires_at: i64,
    #[schema(schema_with = openapi::nullable_id)]
    order_id: Option<String>,
    #[schema(schema_with = changes)]
    changes: Vec<&'static str>,
    /// The caller (the buyer) can buy it now, with `offer_id` on `POST /orders`.
    can_accept: bool,
    #[schema(schema_with = openapi::time)]
    created_at: i64,
}

/// A consultation as the caller sees it.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Consultation)]
pub struct ConsultationBody {
    #[schema(schema_with = openapi::id)]
    id: String,
    #[schema(schema_with = side)]
    side: &'static str,
    #[schema(schema_with = openapi::id)]
    listing_id: String,
    listing_title: String,
    /// The other party's display name; null once they withdrew.
    #[schema(schema_with = openapi::nullable_text)]
    counterpart_name: Option<String>,
    messages: Vec<MessageBody>,
    /// Every version, oldest first.
    offers: Vec<OfferBody>,
}

/// One of the caller's consultations.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ConsultationLine)]
pub struct LineBody {
    #[schema(schema_with = openapi::id)]
    id: String,
    #[schema(schema_with = side)]
    side: &'static str,
    listing_title: String,
    #[schema(schema_with = openapi::nullable_text)]
    counterpart_name: Option<String>,
    #[schema(schema_with = openapi::time)]
    updated_at: i64,
}

/// The caller's consultations, most recently active first.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ConsultationList)]
pub struct ListBody {
    consultations: Vec<LineBody>,
}

fn side_str(side: Side) -> &'static str {
    match side {
        Side::Buyer => "buyer",
        Side::Seller => "seller",
    }
}

fn change_key(field: yorozu_domain::offers::OfferField) -> &'static str {
    use yorozu_domain::offers::OfferField as F;
    match field {
        F::Title => "title",
        F::Included => "included",
        F::Price => "price",
        F::DeliveryDays => "delivery_days",
        F::Revisions => "revisions",
        F::Options => "options",
        F::Expiry => "expiry",
    }
}

fn body_of(v: ConsultationView) -> ConsultationBody {
    ConsultationBody {
        id: v.id.to_string(),
        side: side_str(v.side),
        listing_id: v.listing_id.to_string(),
        listing_title: v.listing_title,
        counterpart_name: v.counterpart_name,
        messages: v
            .messages
            .into_iter()
            .map(|m| MessageBody {
                id: m.id.to_string(),
                mine: m.mine,
                body: m.body,
                created_at: m.created_at,
                attachments: m
                    .attachments
                    .into_iter()
                    .map(|a| AttachmentBody {
                        id: a.id.to_string(),
                        file_name: a.file_name,
                        size_bytes: a.size_bytes,
                    })
                    .collect(),
            })
            .collect(),
        offers: v
            .offers
            .into_iter()
            .map(|o| OfferBody {
                id: o.id.to_string(),
                version: o.version,
                can_accept: o.can_accept() && v.side == Side::Buyer,
                title: o.title,
                included: o.included,
                price: o.price,
                delivery_days: o.delivery_days,
                revisions: o.revisions,
                options: o
                    .options
                    .into_iter()
                    .map(|(title, price)| OptionBody { title, price })
                    .collect(),
                state: o.state.as_str(),
                decline_reason: o.decline_reason,
                expires_at: o.expires_at,
                order_id: o.order_id.map(|id| id.to_string()),
                changes: o.changes.into_iter().map(change_key).collect(),
                created_at: o.created_at,
            })
            .collect(),
    }
}

async fn answer(
    state: &AppState,
    user: &CurrentUser,
    id: ConsultationId,
) -> ApiResult<Json<ConsultationBody>> {
    Ok(Json(body_of(
        view::consultation(&state.app, user, id).await?,
    )))
}

// ---------------------------------------------------------------------------------------
// Input

/// A message.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = ConsultationMessageRequest)]
#[serde(deny_unknown_fields)]
pub struct MessageRequest {
    #[serde(default)]
    #[schema(schema_with = message_text, required)]
    body: String,
    /// Send the text even though it holds contact details (after a 422
    /// `contact-details-found`).
    #[serde(default)]
    acknowledge_contact_warning: bool,
}

/// The terms of an offer: the same limits as a service.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = OfferRequest)]
#[serde(deny_unknown_fields)]
pub struct OfferRequest {
    #[serde(default)]
    #[schema(required, max_length = 60)]
    title: String,
    #[serde(default)]
    #[schema(schema_with = included_text, required)]
    included: String,
    #[serde(default)]
    #[schema(schema_with = openapi::yen, required)]
    price: i64,
    #[serde(default)]
    #[schema(required, minimum = 1, maximum = 90)]
    delivery_days: i64,
    /// 0–10, or null for unlimited.
    #[serde(default)]
    #[schema(minimum = 0, maximum = 10, nullable)]
    revisions: Option<i64>,
    #[serde(default)]
    #[schema(max_items = 10)]
    options: Vec<OptionBody>,
    /// Days until it expires (1–30); 7 when left out.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 30, nullable)]
    expiry_days: Option<i64>,
    /// Send the texts even though they hold contact details (after a 422
    /// `contact-details-found`).
    #[serde(default)]
    acknowledge_contact_warning: bool,
}

impl OfferRequest {
    pub(crate) fn form(&self) -> OfferForm {
        OfferForm {
            title: self.title.clone(),
            included: self.included.clone(),
            price: self.price.to_string(),
            delivery_days: self.delivery_days.to_string(),
            revisions: self
                .revisions
                .map_or_else(|| "unlimited".to_owned(), |n| n.to_string()),
            option_titles: self.options.iter().map(|o| o.title.clone()).collect(),
            option_prices: self.options.iter().map(|o| o.price.to_string()).collect(),
            expiry_days: self.expiry_days.map(|d| d.to_string()).unwrap_or_default(),
        }
    }
}

/// Declining an offer.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = DeclineOfferRequest)]
#[serde(deny_unknown_fields)]
pub struct DeclineRequest {
    #[serde(default)]
    #[schema(schema_with = reason_text)]
    reason: String,
}

// ---------------------------------------------------------------------------------------
// Actions

/// Ask the seller of a service for a quote: opens the consultation (or continues the
/// caller's earlier one about this service); the seller is told.
#[utoipa::path(
    post,
    path = "/listings/{id}/consultations",
    operation_id = "consultListing",
    tag = "offers",
    summary = "Ask for a quote (見積り相談)",
    description = "A 409 `offer-own-listing` for one's own service, `order-blocked` when either \
                   party blocks the other. A service that is not published is a 404. A text with contact details is a 422 \
                   `contact-details-found` unless `acknowledge_contact_warning` is true.",
    params(("id" = String, Path, description = "The service id.")),
    request_body = MessageRequest,
    responses(
        (status = 200, description = "The consultation.", body = ConsultationBody),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = safety::ValidationOrContactDetails),
    ),
)]
pub async fn consult(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(listing): ApiId<ListingId>,
    headers: HeaderMap,
    ApiJson(input): ApiJson<MessageRequest>,
) -> ApiResult<Response> {
    let acknowledged = input.acknowledge_contact_warning;
    match checked::consult(
        &state.app,
        &user,
        listing,
        &input.body,
        vec![],
        acknowledged,
    )
    .await?
    {
        Checked::Done(id) => Ok(answer(&state, &user, id).await?.into_response()),
        Checked::Warning(w) => Ok(safety::warning_response(&headers, &w)),
    }
}

/// The caller's consultations as buyer or seller.
#[utoipa::path(
    get,
    path = "/me/consultations",
    operation_id = "listConsultations",
    tag = "offers",
    summary = "List my quote consultations",
    responses((status = 200, description = "Most recently active first.", body = ListBody)),
)]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<ListBody>> {
    let consultations = view::list(&state.app, &user)
        .await?
        .into_iter()
        .map(|l| LineBody {
            id: l.id.to_string(),
            side: side_str(l.side),
            listing_title: l.listing_title,
            counterpart_name: l.counterpart_name,
            updated_at: l.updated_at,
        })
        .collect();
    Ok(Json(ListBody { consultations }))
}

/// One consultation, for its two parties only.
#[utoipa::path(
    get,
    path = "/consultations/{id}",
    operation_id = "getConsultation",
    tag = "offers",
    summary = "Show a quote consultation with its offers",
    params(("id" = String, Path, description = "The consultation id.")),
    responses(
        (status = 200, description = "The consultation.", body = ConsultationBody),
        (status = 404, response = NotFound),
    ),
)]
pub async fn get(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<ConsultationId>,
) -> ApiResult<Json<ConsultationBody>> {
    answer(&state, &user, id).await
}

/// Write in a consultation; the other party is told.
#[utoipa::path(
    post,
    path = "/consultations/{id}/messages",
    operation_id = "postConsultationMessage",
    tag = "offers",
    summary = "Write in a quote consultation",
    description = "A body with contact details is a 422 `contact-details-found` unless \
                   `acknowledge_contact_warning` is true.",
    params(("id" = String, Path, description = "The consultation id.")),
    request_body = MessageRequest,
    responses(
        (status = 200, description = "The consultation after the message.", body = ConsultationBody),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = safety::ValidationOrContactDetails),
    ),
)]
pub async fn post_message(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<ConsultationId>,
    headers: HeaderMap,
    ApiJson(input): ApiJson<MessageRequest>,
) -> ApiResult<Response> {
    let acknowledged = input.acknowledge_contact_warning;
    let posted = checked::post_consultation_message(
        &state.app,
        &user,
        id,
        &input.body,
        vec![],
        acknowledged,
    )
    .await?;
    match posted {
        Checked::Done(_) => Ok(answer(&state, &user, id).await?.into_response()),
        Checked::Warning(w) => Ok(safety::warning_response(&headers, &w)),
    }
}

/// The seller sends an offer; if one is open, this is its revision (the open one is
/// superseded). The buyer is told.
#[utoipa::path(
    post,
    path = "/consultations/{id}/offers",
    operation_id = "sendOffer",
    tag = "offers",
    summary = "Send or revise a custom offer (カスタム提案)",
    description = "The seller only (403 for the buyer). The same limits as a service: price \
                   from the minimum, delivery days, revisions and paid options (422). A text with contact details is a 422 \
                   `contact-details-found` unless `acknowledge_contact_warning` is true.",
    params(("id" = String, Path, description = "The consultation id.")),
    request_body = OfferRequest,
    responses(
        (status = 200, description = "The consultation with the new version.", body = ConsultationBody),
        (status = 400, response = BadRequest),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = safety::ValidationOrContactDetails),
    ),
)]
pub async fn send_offer(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<ConsultationId>,
    headers: HeaderMap,
    ApiJson(input): ApiJson<OfferRequest>,
) -> ApiResult<Response> {
    let acknowledged = input.acknowledge_contact_warning;
    match checked::send_offer(&state.app, &user, id, &input.form(), acknowledged).await? {
        Checked::Done(_) => Ok(answer(&state, &user, id).await?.into_response()),
        Checked::Warning(w) => Ok(safety::warning_response(&headers, &w)),
    }
}

/// The buyer declines an open offer, optionally saying why; the seller is told.
#[utoipa::path(
    post,
    path = "/offers/{id}/decline",
    operation_id = "declineOffer",
    tag = "offers",
    summary = "Decline a custom offer",
    description = "The buyer only (403). A 409 `offer-not-open` when it expired, was revised, \
                   declined or bought.",
    params(("id" = String, Path, description = "The offer id.")),
    request_body = DeclineRequest,
    responses(
        (status = 200, description = "The consultation after the answer.", body = ConsultationBody),
        (status = 400, response = BadRequest),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
    ),
)]
pub async fn decline(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<OfferId>,
    ApiJson(input): ApiJson<DeclineRequest>,
) -> ApiResult<Json<ConsultationBody>> {
    let consultation = decide::decline(&state.app, &user, id, &input.reason).await?;
    answer(&state, &user, consultation).await
}

/// The seller takes back an open offer.
#[utoipa::path(
    post,
    path = "/offers/{id}/withdraw",
    operation_id = "withdrawOffer",
    tag = "offers",
    summary = "Withdraw a custom offer",
    params(("id" = String, Path, description = "The offer id.")),
    responses(
        (status = 200, description = "The consultation after the withdrawal.", body = ConsultationBody),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    ),
)]
pub async fn withdraw(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<OfferId>,
) -> ApiResult<Json<ConsultationBody>> {
    let consultation = decide::withdraw(&state.app, &user, id).await?;
    answer(&state, &user, consultation).await
}
