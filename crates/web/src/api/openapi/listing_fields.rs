//! Schemas of the listings and search API that their Rust types cannot say themselves: the
//! limits the domain enforces (constants there; utoipa's length and range attributes take only
//! literals), and vocabularies the server writes as plain strings. Fields point here with
//! `#[schema(schema_with = …)]` or `#[schema(value_type = …)]`.

use std::borrow::Cow;

use utoipa::openapi::schema::{
    Array, ArrayBuilder, KnownFormat, Object, ObjectBuilder, OneOfBuilder, SchemaFormat,
    SchemaType, Type,
};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};
use yorozu_domain::listings::{
    MAX_BUYER_NOTES_CHARS, MAX_DELIVERY_DAYS, MAX_FAQ_ANSWER_CHARS, MAX_FAQ_ENTRIES,
    MAX_FAQ_QUESTION_CHARS, MAX_LISTING_DESCRIPTION_CHARS, MAX_LISTING_PRICE,
    MAX_LISTING_TITLE_CHARS, MAX_PAID_OPTION_PRICE, MAX_PAID_OPTION_TITLE_CHARS, MAX_PAID_OPTIONS,
    MAX_REVISIONS, MIN_DELIVERY_DAYS,
};

use super::fields::{one_of, text};

/// The `ListingStatus` component, from the domain's own list.
#[derive(Debug)]
pub struct ListingStatus;

impl PartialSchema for ListingStatus {
    fn schema() -> RefOr<Schema> {
        one_of(&yorozu_domain::listings::ListingStatus::ALL.map(|s| s.as_str())).into()
    }
}

impl ToSchema for ListingStatus {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("ListingStatus")
    }
}

/// A listing's title.
pub fn title() -> Object {
    text(MAX_LISTING_TITLE_CHARS, "One line.")
}

/// A listing's description.
pub fn description() -> Object {
    text(MAX_LISTING_DESCRIPTION_CHARS, "Plain text; shown escaped.")
}

/// 購入にあたってのお願い.
pub fn buyer_notes() -> Object {
    text(MAX_BUYER_NOTES_CHARS, "購入にあたってのお願い.")
}

/// A paid option's title.
pub fn option_title() -> Object {
    text(MAX_PAID_OPTION_TITLE_CHARS, "")
}

/// A FAQ entry's question.
pub fn faq_question() -> Object {
    text(MAX_FAQ_QUESTION_CHARS, "One line.")
}

/// A FAQ entry's answer.
pub fn faq_answer() -> Object {
    text(MAX_FAQ_ANSWER_CHARS, "")
}

/// Whole yen up to `max`; the minimum is configured per site.
fn price_up_to(max: i64) -> Object {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
        .maximum(Some(max))
        .description(Some(
            "Whole yen, at least the configured minimum (¥500 by default).",
        ))
        .build()
}

/// A listing's price.
pub fn price() -> Object {
    price_up_to(MAX_LISTING_PRICE.get())
}

/// A paid option's price.
pub fn option_price() -> Object {
    price_up_to(MAX_PAID_OPTION_PRICE.get())
}

/// Days to deliver.
pub fn delivery_days() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
        .minimum(Some(MIN_DELIVERY_DAYS))
        .maximum(Some(MAX_DELIVERY_DAYS))
        .build()
}

/// How many revisions are included, or unlimited.
pub fn revisions() -> Schema {
    let count = ObjectBuilder::new()
        .schema_type(Type::Integer)
        .minimum(Some(0))
        .maximum(Some(MAX_REVISIONS))
        .build();
    OneOfBuilder::new()
        .item(count)
        .item(one_of(&["unlimited"]))
        .description(Some("How many revisions are included, or unlimited."))
        .build()
        .into()
}

/// At most `max` items of `T`, inline.
fn up_to<T: PartialSchema>(max: usize) -> Array {
    ArrayBuilder::new()
        .items(T::schema())
        .max_items(Some(max))
        .build()
}

/// A listing's paid options, as the API takes them.
pub fn options<T: PartialSchema>() -> Array {
    up_to::<T>(MAX_PAID_OPTIONS)
}

/// A listing's FAQ, as the API takes it.
pub fn faq<T: PartialSchema>() -> Array {
    up_to::<T>(MAX_FAQ_ENTRIES)
}

/// The average rating, or null before the first review.
pub fn rating() -> Object {
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::Number, Type::Null]))
        .minimum(Some(1))
        .maximum(Some(5))
        .description(Some(
            "Average rating with two decimals; null before the first review.",
        ))
        .build()
}

/// Until when the seller is away.
pub fn vacation_until() -> Object {
    let mut until = super::fields::nullable_time();
    until.description = Some(
        "Unix seconds; set while the seller is on vacation (the service cannot be bought until then)."
            .into(),
    );
    until
}
