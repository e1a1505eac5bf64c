//! Schemas shared by many fields whose Rust type says less than the API promises (an id is a
//! `String` of digits, a time an `i64` of unix seconds), and the closed vocabularies the
//! server writes as plain strings. Fields point here with `#[schema(schema_with = …)]` or
//! `#[schema(value_type = …)]`.

use utoipa::openapi::schema::{KnownFormat, Object, ObjectBuilder, SchemaFormat, SchemaType, Type};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};
use yorozu_domain::accounts::{MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, Role};
use yorozu_domain::identity::{DocumentKind, IdentityStatus};
use yorozu_domain::profile::fields::SnsKind;

/// A 63-bit id as a decimal string (beyond JavaScript's safe integers).
pub fn id() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some("^[0-9]+$"))
        .description(Some("A 63-bit id as a decimal string."))
        .build()
}

/// A 63-bit id as a decimal string, or null.
pub fn nullable_id() -> Object {
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
        .description(Some("A 63-bit id as a decimal string."))
        .build()
}

/// A text, or null.
pub fn nullable_text() -> Object {
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
        .build()
}

/// A time as unix seconds.
pub fn time() -> Object {
    unix_seconds(SchemaType::Type(Type::Integer), "Unix seconds.")
}

/// A time as unix seconds, or null.
pub fn nullable_time() -> Object {
    unix_seconds(
        SchemaType::from_iter([Type::Integer, Type::Null]),
        "Unix seconds.",
    )
}

/// An amount of money in whole yen.
pub fn yen() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
        .description(Some("Whole yen."))
        .build()
}

fn unix_seconds(schema_type: SchemaType, description: &str) -> Object {
    ObjectBuilder::new()
        .schema_type(schema_type)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
        .description(Some(description))
        .build()
}

/// A language of mail and pages.
#[derive(Debug, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    Ja,
    En,
}

/// Whether the member signs non-disclosure agreements.
#[derive(Debug, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Nda {
    Unspecified,
    Willing,
    NotWilling,
}

/// The categories of mail a member may switch on or off: the app's own list
/// ([`yorozu_app::mail::MailCategory::ALL`]), so that the document cannot fall behind it.
#[derive(Debug)]
pub struct MailCategory;

impl PartialSchema for MailCategory {
    fn schema() -> RefOr<Schema> {
        let mut schema = one_of(&yorozu_app::mail::MailCategory::ALL.map(|c| c.key()));
        schema.description = Some("The categories of mail a member may switch on or off.".into());
        schema.into()
    }
}

impl ToSchema for MailCategory {}

/// A text of at most `max` characters (counted after line breaks are normalised and the ends
/// trimmed), with `description` unless it is empty.
pub fn text(max: usize, description: &str) -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .max_length(Some(max))
        .description((!description.is_empty()).then_some(description))
        .build()
}

/// A string that is one of `values`.
pub fn one_of(values: &[&str]) -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(values.iter().copied()))
        .build()
}

/// Where an identity verification stands, or null before the first submission.
pub fn identity_status() -> Object {
    let mut status = nullable_one_of(&IdentityStatus::ALL.map(|s| s.as_str()));
    status.description = Some("Null before the first submission.".into());
    status
}

/// The type of an identity document, or null before the first submission.
pub fn document_kind() -> Object {
    let mut kind = nullable_one_of(&DocumentKind::ALL.map(|k| k.as_str()));
    kind.description = Some("The document type, e.g. drivers-license.".into());
    kind
}

/// A string that is one of `values`, or null.
fn nullable_one_of(values: &[&str]) -> Object {
    let mut values: Vec<serde_json::Value> = values.iter().map(|v| (*v).into()).collect();
    values.push(serde_json::Value::Null);
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
        .enum_values(Some(values))
        .build()
}

/// A personal access token's scope.
pub fn token_scope() -> Object {
    let mut scope = one_of(&["read", "full"]);
    scope.description = Some("`read`: GET and HEAD only.".into());
    scope
}

/// The answer to a sign-up.
pub fn confirmation_sent() -> Object {
    one_of(&["confirmation-sent"])
}

/// A member's role.
pub fn role() -> Object {
    one_of(&Role::ALL.map(|r| r.as_str()))
}

/// The kind of a link on a profile.
pub fn sns_kind() -> Object {
    one_of(&SnsKind::ALL.map(|k| k.key()))
}

/// A new password, as registration checks it.
pub fn new_password() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .min_length(Some(MIN_PASSWORD_CHARS))
        .max_length(Some(MAX_PASSWORD_CHARS))
        .description(Some("Not a common password, not the e-mail address."))
        .build()
}

/// An image file sent as the body itself (JPEG, PNG, WebP or GIF), not multipart.
#[derive(Debug)]
pub struct ImageFile;

impl PartialSchema for ImageFile {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .content_media_type("image/*")
            .build()
            .into()
    }
}

impl ToSchema for ImageFile {}

/// A JPEG image answered as the body itself.
#[derive(Debug)]
pub struct JpegFile;

impl PartialSchema for JpegFile {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .content_media_type("image/jpeg")
            .build()
            .into()
    }
}

impl ToSchema for JpegFile {}
