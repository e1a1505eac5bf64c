//! How an order is paid.

/// How the buyer pays for an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaymentMethod {
    /// クレジットカード: charged when the order is placed.
    Card,
    /// 後払い: paid later, before the payment deadline.
    Deferred,
}

impl PaymentMethod {
    /// Every method.
    pub const ALL: [PaymentMethod; 2] = [Self::Card, Self::Deferred];

    /// Stable key for storage (the `payment_method` column), the JSON API and message ids.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Card => "card",
            Self::Deferred => "deferred",
        }
    }

    /// Reads a key written by [`PaymentMethod::as_str`].
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == key)
    }
}
