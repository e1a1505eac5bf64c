//! Schemas of the orders API that its Rust types cannot say themselves: vocabularies the
//! server writes as plain strings (or as types of `app`, which knows nothing of OpenAPI), and
//! texts whose limits live in the domain as constants (utoipa's length attributes take only
//! literals). Fields point here with `#[schema(schema_with = …)]` or `#[schema(value_type = …)]`.

use std::borrow::Cow;

use serde_json::Value;
use utoipa::openapi::schema::{
    Array, ArrayBuilder, KnownFormat, Object, ObjectBuilder, SchemaFormat, SchemaType, Type,
};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};
use yorozu_domain::orders::review::Rating;
use yorozu_domain::orders::text::{
    MESSAGE_MAX_CHARS, REASON_MAX_CHARS, REQUEST_MAX_CHARS, REVIEW_MAX_CHARS,
};
use yorozu_domain::orders::{CancellationStatus, DeliveryOutcome, MessageKind, PaymentMethod};

use super::fields::{one_of, text};

/// The `OrderState` component. Its values are the domain's own list, so a new state cannot be
/// forgotten here.
#[derive(Debug)]
pub struct OrderState;

impl PartialSchema for OrderState {
    fn schema() -> RefOr<Schema> {
        let states = yorozu_domain::orders::OrderState::ALL.map(|s| s.as_str());
        let mut schema = one_of(&states);
        schema.description = Some(
            "awaiting_payment 支払い待ち, in_progress 作業中, delivered 納品済み (waiting for approval), \
             completed 完了, cancelled キャンセル, expired 期限切れ (never paid), disputed トラブル対応中."
                .into(),
        );
        schema.into()
    }
}

impl ToSchema for OrderState {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("OrderState")
    }
}

// `app`'s `Party` as it serializes; `app` knows nothing of OpenAPI.
#[derive(Debug, ToSchema)]
#[schema(as = OrderRole, description = "A side of an order.")]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Buyer,
    Seller,
}

/// A side of an order, or null (an event has no author; a cancellation request by someone no
/// longer a party names none).
pub fn role_or_null() -> Object {
    let values = [Value::from("buyer"), Value::from("seller"), Value::Null];
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
        .enum_values(Some(values))
        .build()
}

/// What the caller may do with an order now.
#[derive(Debug, ToSchema)]
#[schema(as = OrderAction)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Pay,
    Message,
    Deliver,
    Approve,
    SendBack,
    RequestCancellation,
    AnswerCancellation,
    WithdrawCancellation,
    Review,
}

/// How the buyer pays.
pub fn payment_method() -> Object {
    one_of(&PaymentMethod::ALL.map(|m| m.as_str()))
}

/// What became of a formal delivery.
pub fn delivery_outcome() -> Object {
    one_of(&DeliveryOutcome::ALL.map(|o| o.as_str()))
}

/// Where a cancellation request stands.
pub fn cancellation_status() -> Object {
    one_of(&CancellationStatus::ALL.map(|c| c.as_str()))
}

/// What a talk-room entry is.
pub fn message_kind() -> Object {
    one_of(&MessageKind::ALL.map(|k| k.as_str()))
}

/// Whether the other party agrees to a cancellation request.
pub fn cancellation_answer() -> Object {
    one_of(&["agree", "object"])
}

/// Stars of a review.
pub fn rating() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
        .minimum(Some(Rating::MIN))
        .maximum(Some(Rating::MAX))
        .build()
}

/// A talk-room message.
pub fn message_body() -> Object {
    text(MESSAGE_MAX_CHARS, "")
}

/// A talk-room message sent with files: may be empty then.
pub fn message_body_with_files() -> Object {
    text(
        MESSAGE_MAX_CHARS,
        "The message; may be empty when files are attached.",
    )
}

/// A formal delivery's note.
pub fn delivery_note() -> Object {
    text(MESSAGE_MAX_CHARS, "")
}

/// A formal delivery's note sent with files.
pub fn delivery_note_with_files() -> Object {
    text(MESSAGE_MAX_CHARS, "The delivery note.")
}

/// The buyer's request at purchase.
pub fn request() -> Object {
    text(
        REQUEST_MAX_CHARS,
        "The buyer's request to the seller; the talk room's first message.",
    )
}

/// A cancellation or send-back reason.
pub fn reason() -> Object {
    text(REASON_MAX_CHARS, "")
}

/// The objection to a cancellation request.
pub fn objection() -> Object {
    text(REASON_MAX_CHARS, "Required when objecting.")
}

/// A review's comment.
pub fn review_comment() -> Object {
    text(REVIEW_MAX_CHARS, "")
}

/// The author of a talk-room entry.
pub fn author() -> Object {
    let mut author = role_or_null();
    author.description = Some("Null for events.".into());
    author
}

/// The talk-room entry that carries a delivery's note and files.
pub fn delivery_message_id() -> Object {
    let mut id = super::fields::id();
    id.description = Some("The talk-room entry with the note and files.".into());
    id
}

// The bodies of a talk-room message and of a formal delivery. The handlers read them with
// `Submission`, which takes JSON or `multipart/form-data` alike into a map, so these types
// only say what the two forms hold.

/// A talk-room message as JSON.
#[derive(Debug, ToSchema)]
#[schema(as = OrderMessageInput)]
pub struct MessageInput {
    #[schema(schema_with = message_body)]
    pub body: String,
    /// Send the message even though it holds contact details (after a 422
    /// `contact-details-found`).
    #[schema(required = false)]
    pub acknowledge_contact_warning: Option<bool>,
}

/// A formal delivery as JSON.
#[derive(Debug, ToSchema)]
#[schema(as = DeliveryInput)]
pub struct DeliveryInput {
    #[schema(schema_with = delivery_note)]
    pub note: String,
}

/// A talk-room message with files.
#[derive(Debug, ToSchema)]
pub struct MessageForm {
    #[schema(schema_with = message_body_with_files, required = false)]
    pub body: String,
    /// `true` to send the message even though it holds contact details.
    #[schema(required = false)]
    pub acknowledge_contact_warning: Option<String>,
    #[schema(schema_with = attached_files, required = false)]
    pub files: Vec<FileBytes>,
}

/// A formal delivery with files.
#[derive(Debug, ToSchema)]
pub struct DeliveryForm {
    #[schema(schema_with = delivery_note_with_files, required = false)]
    pub note: String,
    #[schema(schema_with = attached_files, required = false)]
    pub files: Vec<FileBytes>,
}

/// The parts of the files sent with a message or a delivery.
fn attached_files() -> Array {
    ArrayBuilder::new()
        .items(FileBytes::schema())
        .description(Some(
            "Files to attach: one part named `files` per file, with its file name and Content-Type.",
        ))
        .build()
}

/// A file's bytes, as an upload's part or a download's body.
#[derive(Debug)]
pub struct FileBytes;

impl PartialSchema for FileBytes {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .content_media_type("application/octet-stream")
            .build()
            .into()
    }
}

impl ToSchema for FileBytes {}
