//! Payments: the member's registered cards (and, later, charges and refunds for orders), all
//! through the [`PaymentGateway`](crate::ports::PaymentGateway) port.

pub mod cards;

use crate::ports::PaymentError;
use crate::{AppError, FieldError};

/// A gateway error as the member sees it: card problems are field errors on the card form,
/// a temporary failure asks to retry, anything else is internal.
pub(crate) fn gateway_error(e: PaymentError) -> AppError {
    match e {
        PaymentError::InvalidCard => AppError::invalid("number", "card-number-invalid"),
        PaymentError::CardExpired => AppError::invalid("exp", "card-expired"),
        PaymentError::Declined { code } if code == "insufficient_funds" => {
            AppError::invalid("number", "card-insufficient-funds")
        }
        PaymentError::Declined { .. } => {
            AppError::Invalid(vec![FieldError::new("number", "card-declined")])
        }
        PaymentError::Transient(_) => AppError::Conflict("payment-temporarily-unavailable"),
        other => AppError::Internal(format!("payment gateway: {other}")),
    }
}
