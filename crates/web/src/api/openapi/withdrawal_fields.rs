//! Schemas of the withdrawal API that its Rust types cannot say themselves: the vocabularies,
//! taken from the domain's own lists so that the document names exactly what the API can
//! send, and the times and numbers whose meaning differs from field to field. Fields point
//! here with `#[schema(schema_with = …)]`.

use serde::Serialize;
use serde_json::Value;
use utoipa::openapi::schema::{
    Array, ArrayBuilder, KnownFormat, Object, ObjectBuilder, SchemaFormat, SchemaType, Type,
};
use yorozu_domain::orders::OrderState;
use yorozu_domain::payouts::PayoutStatus;
use yorozu_domain::withdrawal::reason::MAX_COMMENT_CHARS;
use yorozu_domain::withdrawal::{BlockerKind, DATA_TABLE, ReasonChoice};

use super::fields::{self, one_of};
use crate::api::withdrawal::fate_name;

/// The names `values` serialize to, as the API writes them.
fn serialized<T: Serialize>(values: impl IntoIterator<Item = T>) -> Vec<Value> {
    values
        .into_iter()
        .filter_map(|v| serde_json::to_value(v).ok())
        .collect()
}

fn described(mut schema: Object, description: &str) -> Object {
    schema.description = Some(description.into());
    schema
}

/// What blocks a withdrawal.
pub fn blocker_kind() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(serialized(BlockerKind::ALL)))
        .description(Some(
            "purchase 購入中の取引, sale 販売中の取引, cancellation_request 回答待ちのキャンセル申請, dispute \
             トラブル対応中の取引, payout_request 振込前の振込申請.",
        ))
        .build()
}

/// The order or payout request that blocks.
pub fn blocker_reference() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some("^[0-9]+$"))
        .description(Some(
            "The order's id (GET /orders/{id}), or the payout request's id for payout_request.",
        ))
        .build()
}

/// The state of what blocks: an order's state, or the status of a payout request not yet
/// transferred (only those block).
pub fn blocker_state() -> Object {
    let orders = OrderState::ALL.map(OrderState::as_str);
    let payouts = PayoutStatus::ALL
        .into_iter()
        .filter(|s| s.is_in_flight())
        .map(PayoutStatus::as_str);
    let states: Vec<&str> = orders.into_iter().chain(payouts).collect();
    described(
        one_of(&states),
        "The order's state (see OrderState), or the payout request's status (requested, processing).",
    )
}

/// The service's title, or null.
pub fn blocker_title() -> Object {
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
        .description(Some(
            "The service's title as ordered; null for a payout request.",
        ))
        .build()
}

/// When the last blocker clears, for the readiness.
pub fn readiness_clears_at() -> Object {
    described(
        fields::nullable_time(),
        "Unix seconds: when the last blocker clears, if every one clears by itself; null when ready or when \
         some blocker needs someone to act.",
    )
}

/// When the last blocker clears, for a scheduled withdrawal.
pub fn schedule_clears_at() -> Object {
    described(
        fields::nullable_time(),
        "Unix seconds: when the last blocker clears, if every one clears by itself.",
    )
}

/// When a closed account's data is erased.
pub fn purge_at() -> Object {
    described(
        fields::time(),
        "Unix seconds: when the data is erased. Signing in on the site before then undoes the closure.",
    )
}

/// A kind of data, as the erasure receipt lists them.
pub fn data_category() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(serialized(DATA_TABLE)))
        .build()
}

/// The fates the data table uses, in its order: exactly what `fate` can be.
pub fn fate() -> Object {
    let mut fates: Vec<String> = Vec::new();
    for category in DATA_TABLE {
        let fate = fate_name(category.fate());
        if !fates.contains(&fate) {
            fates.push(fate);
        }
    }
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(fates))
        .description(Some(
            "ended_at_once: stopped or revoked when the account is closed; erased: at purge; kept: without the \
             member's identity; forfeited: after the member saw and acknowledged the amounts; released: free for \
             a new registration.",
        ))
        .build()
}

/// How many years kept data is kept, or null.
pub fn kept_years() -> Object {
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::Integer, Type::Null]))
        .minimum(Some(1))
        .description(Some(
            "For kept data with a fixed term (e.g. 7 years for accounting records); null otherwise.",
        ))
        .build()
}

/// The reasons a member may give.
pub fn reasons() -> Array {
    ArrayBuilder::new()
        .items(one_of(&ReasonChoice::ALL.map(ReasonChoice::key)))
        .description(Some(
            "Optional: cannot-sell 売れない, no-longer-used 使わなくなった, privacy-concern 個人情報が心配, \
             fees-too-high 手数料が高い, new-account アカウントを作り直したい, other その他.",
        ))
        .build()
}

/// The member's comment, as the domain limits it.
pub fn comment() -> Object {
    super::fields::text(
        MAX_COMMENT_CHARS,
        "Optional; kept for statistics without personal data.",
    )
}

/// An amount the member acknowledges to forfeit.
fn acknowledged(description: &str) -> Object {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
        .minimum(Some(0))
        .description(Some(description))
        .build()
}

/// The sales balance acknowledged.
pub fn acknowledged_sales() -> Object {
    acknowledged(
        "The sales balance to forfeit, as shown in the readiness' `forfeits`; 0 or absent when there is none.",
    )
}

/// The points acknowledged.
pub fn acknowledged_points() -> Object {
    acknowledged(
        "The points to forfeit, as shown in the readiness' `forfeits`; 0 or absent when there are none.",
    )
}

/// When to close the account.
pub fn when() -> Object {
    described(
        one_of(&["now", "when_ready"]),
        "now (default): close the account now, refused while anything blocks; when_ready: close it now if \
         nothing blocks, otherwise schedule it.",
    )
}

/// The `state` of a closed account's answer.
pub fn closed() -> Object {
    one_of(&["closed"])
}

/// The `state` of a scheduled withdrawal's answer.
pub fn scheduled() -> Object {
    one_of(&["scheduled"])
}
