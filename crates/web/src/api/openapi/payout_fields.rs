//! Schemas of the payouts API that its Rust types cannot say themselves: vocabularies the
//! server writes as plain strings (the lists come from the domain where it has one), dates
//! written as `YYYY-MM-DD`, and the bank account's fields, whose sizes are domain constants.
//! Fields point here with `#[schema(schema_with = …)]`.

use serde_json::Value;
use utoipa::openapi::schema::{KnownFormat, Object, ObjectBuilder, SchemaFormat, SchemaType, Type};
use yorozu_domain::payouts::bank::{
    ACCOUNT_NUMBER_DIGITS, AccountType, BANK_CODE_DIGITS, BRANCH_CODE_DIGITS,
    MAX_ACCOUNT_HOLDER_CHARS,
};
use yorozu_domain::payouts::status::{PayoutStatus, SaleState};

use super::fields::one_of;

/// A string with a description.
fn described(description: &str) -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
        .build()
}

/// A day as `YYYY-MM-DD`.
fn date(description: &str) -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
        .description(Some(description))
        .build()
}

/// The day a payout is transferred.
pub fn transfer_date() -> Object {
    date("YYYY-MM-DD, Japan time.")
}

/// The last day a sale can be requested.
pub fn deadline() -> Object {
    date("The last day it can be requested (Japan time).")
}

/// Where a sale stands.
pub fn sale_state() -> Object {
    let mut state = one_of(&SaleState::ALL.map(SaleState::as_str));
    state.description = Some(
        "open: on the balance; requested: taken by the payout request `payout_request_id`; expired: not \
         requested in time (失効)."
            .into(),
    );
    state
}

/// Where a payout request stands.
pub fn payout_status() -> Object {
    let mut status = one_of(&PayoutStatus::ALL.map(PayoutStatus::as_str));
    status.description = Some(
        "requested 申請中 → processing 処理中 (in a transfer batch) → transferred 振込済み, or failed 振込失敗 \
         (the money is back on the balance)."
            .into(),
    );
    status
}

/// Why a transfer failed (`app`'s `Failure` as it is stored), or null.
pub fn failure_reason() -> Object {
    let values = [
        Value::from("account_data"),
        Value::from("other"),
        Value::Null,
    ];
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
        .enum_values(Some(values))
        .description(Some(
            "Why it failed: account_data (the bank refused the account's data) or other.",
        ))
        .build()
}

/// The kind of deposit account.
pub fn account_type() -> Object {
    let mut kind = one_of(&AccountType::ALL.map(AccountType::key));
    kind.description = Some("普通 (ordinary), 当座 (checking) or 貯蓄 (savings).".into());
    kind
}

/// A bank code as typed (full-width digits are accepted, so no pattern).
pub fn bank_code() -> Object {
    described(&format!("{BANK_CODE_DIGITS} digits (金融機関コード)."))
}

/// A branch code as typed.
pub fn branch_code() -> Object {
    described(&format!("{BRANCH_CODE_DIGITS} digits (支店コード)."))
}

/// An account number as typed.
pub fn account_number() -> Object {
    described(&format!(
        "Up to {ACCOUNT_NUMBER_DIGITS} digits (shorter numbers are zero-padded)."
    ))
}

/// The holder's name as typed.
pub fn holder() -> Object {
    described(&format!(
        "The holder's name in katakana (at most {MAX_ACCOUNT_HOLDER_CHARS} half-width characters)."
    ))
}
