//! The payment gateway port: card tokenisation, charges and refunds at a card processor.
//!
//! The application never keeps a card number: the number and security code go to
//! [`PaymentGateway::create_card_token`] (what a provider's client-side tokenisation does) and only
//! the returned [`CardToken`] — token, brand, last four digits, expiry — is stored.
//!
//! Charges and refunds carry an idempotency key: repeating a request with the same key and the
//! same parameters returns the first result without moving money again, so a retried or
//! double-submitted purchase charges once. Reusing a key for a different request fails with
//! [`PaymentError::IdempotencyMismatch`].

/// What tokenisation returns: everything the application may keep about a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardToken {
    /// The provider's reference to the card, used to charge it.
    pub token: String,
    /// `visa`, `mastercard`, `jcb`, `amex`, `diners` or `unknown`.
    pub brand: String,
    pub last4: String,
    pub exp_month: u32,
    pub exp_year: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Charge {
    /// The provider's charge id, used for refunds.
    pub id: String,
    pub token: String,
    pub amount_yen: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refund {
    pub id: String,
    pub charge_id: String,
    pub amount_yen: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PaymentError {
    /// The issuer refused; `code` is the provider's reason (`generic_decline`,
    /// `insufficient_funds`, …). Retrying will not help.
    #[error("card declined: {code}")]
    Declined { code: String },
    #[error("card expired")]
    CardExpired,
    /// The number, expiry or security code is not a valid card.
    #[error("invalid card")]
    InvalidCard,
    /// The token is unknown or its card was deleted.
    #[error("unknown or deleted card token")]
    UnknownToken,
    #[error("unknown charge")]
    UnknownCharge,
    #[error("invalid amount")]
    InvalidAmount,
    /// A refund larger than what is left of the charge.
    #[error("refund exceeds the charge")]
    RefundExceedsCharge,
    /// The idempotency key was already used for a different request.
    #[error("idempotency key reused with different parameters")]
    IdempotencyMismatch,
    /// A temporary failure at the provider or on the way there: retry with the same key.
    #[error("payment provider temporarily unavailable: {0}")]
    Transient(String),
}

impl PaymentError {
    /// Whether the same request (with the same idempotency key) may succeed later.
    pub fn is_retryable(&self) -> bool {
        matches!(self, PaymentError::Transient(_))
    }
}

#[async_trait::async_trait]
pub trait PaymentGateway: Send + Sync + std::fmt::Debug {
    /// Tokenises a card (the provider also verifies it with the issuer).
    async fn create_card_token(
        &self,
        number: &str,
        exp_month: u32,
        exp_year: u32,
        cvc: &str,
    ) -> Result<CardToken, PaymentError>;

    /// Charges a tokenised card. Idempotent per `idempotency_key`.
    async fn charge(
        &self,
        token: &str,
        amount_yen: i64,
        idempotency_key: &str,
    ) -> Result<Charge, PaymentError>;

    /// Refunds all or part of a charge. Idempotent per `idempotency_key`.
    async fn refund(
        &self,
        charge_id: &str,
        amount_yen: i64,
        idempotency_key: &str,
    ) -> Result<Refund, PaymentError>;

    /// Deletes a card at the provider; its token cannot be charged afterwards. Deleting an
    /// already deleted token succeeds, so that a retried removal is harmless.
    async fn delete_card(&self, token: &str) -> Result<(), PaymentError>;
}

/// The Luhn checksum that every card number satisfies (`digits` are ASCII digits only).
pub fn luhn_valid(digits: &str) -> bool {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let twice = d * 2;
                if twice > 9 { twice - 9 } else { twice }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// The brand of a card number from its leading digits.
pub fn card_brand(digits: &str) -> &'static str {
    let prefix = |n: usize| {
        digits
            .get(..n)
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(0)
    };
    if digits.starts_with('4') {
        "visa"
    } else if (51..=55).contains(&prefix(2)) || (2221..=2720).contains(&prefix(4)) {
        "mastercard"
    } else if (3528..=3589).contains(&prefix(4)) {
        "jcb"
    } else if matches!(prefix(2), 34 | 37) {
        "amex"
    } else if matches!(prefix(2), 36 | 38 | 39) || (300..=305).contains(&prefix(3)) {
        "diners"
    } else {
        "unknown"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_and_brands() {
        assert!(luhn_valid("4242424242424242"));
        assert!(luhn_valid("5555555555554444"));
        assert!(luhn_valid("3530111333300000"));
        assert!(!luhn_valid("4242424242424241"));
        assert!(!luhn_valid(""));
        assert!(!luhn_valid("4242 4242"));
        assert_eq!(card_brand("4242424242424242"), "visa");
        assert_eq!(card_brand("5555555555554444"), "mastercard");
        assert_eq!(card_brand("2223003122003222"), "mastercard");
        assert_eq!(card_brand("3530111333300000"), "jcb");
        assert_eq!(card_brand("378282246310005"), "amex");
        assert_eq!(card_brand("36227206271667"), "diners");
        assert_eq!(card_brand("6011111111111117"), "unknown");
    }
}
