//! The order jobs' payloads, one type per kind (see [`crate::jobs::Job`]; they run in
//! [`super::jobs`]). A leaf: the use cases that queue these import nothing they run.
//!
//! The JSON field of the delivery or request is `item_id`, as in rows queued before these
//! types existed.

use serde::{Deserialize, Serialize};
use yorozu_domain::OrderId;

/// A delivery nobody answered is approved.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AutoApprove {
    pub order_id: OrderId,
    #[serde(rename = "item_id")]
    pub delivery_id: i64,
}

/// A cancellation request nobody answered takes effect.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CancellationTimeout {
    pub order_id: OrderId,
    #[serde(rename = "item_id")]
    pub request_id: i64,
}

/// An unpaid deferred order expires.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PaymentExpiry {
    pub order_id: OrderId,
}

/// A cancelled order's card payment is refunded at the provider.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Refund {
    pub order_id: OrderId,
}
