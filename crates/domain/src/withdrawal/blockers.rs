//! What keeps a member from withdrawing (DESIGN.md, "Withdrawal: the rules"):
//! - as buyer, any purchase not yet completed or cancelled, unpaid ones included;
//! - as seller, any sale not completed or cancelled — except orders that only await the
//!   buyer's payment, which the withdrawal cancels (and tells the buyer);
//! - a payout request not yet transferred; an open cancellation request or a dispute.
//!
//! Each blocker says when it clears on its own, where it will: a delivery's auto-approval, a
//! cancellation request's deadline, an unpaid order's payment deadline, a payout's transfer
//! date.

use crate::Timestamp;
use crate::orders::OrderState;

/// The member's side of an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Buyer,
    Seller,
}

/// Why a member cannot withdraw yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockerKind {
    /// A purchase not completed or cancelled.
    Purchase,
    /// A sale not completed or cancelled.
    Sale,
    /// An open cancellation request on one of the member's orders.
    CancellationRequest,
    /// An order under an operator's dispute handling.
    Dispute,
    /// A payout request not yet transferred.
    PayoutRequest,
}

impl BlockerKind {
    /// Every kind, as the API lists them.
    pub const ALL: [BlockerKind; 5] = [
        Self::Purchase,
        Self::Sale,
        Self::CancellationRequest,
        Self::Dispute,
        Self::PayoutRequest,
    ];

    /// Stable key for the API and message ids (`withdrawal-blocker-KEY`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Purchase => "purchase",
            Self::Sale => "sale",
            Self::CancellationRequest => "cancellation-request",
            Self::Dispute => "dispute",
            Self::PayoutRequest => "payout-request",
        }
    }
}

/// One blocker: what, which order or payout, and when it clears by itself (if it does).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Blocker {
    pub kind: BlockerKind,
    /// The order or payout request.
    pub reference: i64,
    /// The order's state, or the payout's status.
    pub state: String,
    pub clears_at: Option<Timestamp>,
}

/// Whether an order in `state` keeps the member on `side` from withdrawing.
pub fn order_blocks(state: OrderState, side: Side) -> bool {
    match side {
        Side::Buyer => state.blocks_withdrawal(),
        // Unpaid orders on the member's services are cancelled by the withdrawal instead.
        Side::Seller => state.blocks_withdrawal() && state != OrderState::AwaitingPayment,
    }
}

/// When an order that blocks clears without anyone acting: the pending delivery's
/// auto-approval, the payment deadline of an unpaid order (it expires), or an open
/// cancellation request's deadline — the earliest that applies. `None` while the order needs
/// someone to act (work in progress, a dispute).
pub fn order_clears_at(
    state: OrderState,
    auto_approve_at: Option<Timestamp>,
    payment_due_at: Option<Timestamp>,
    cancellation_deadline: Option<Timestamp>,
) -> Option<Timestamp> {
    let by_state = match state {
        OrderState::Delivered => auto_approve_at,
        OrderState::AwaitingPayment => payment_due_at,
        _ => None,
    };
    if state == OrderState::Disputed {
        return None;
    }
    match (by_state, cancellation_deadline) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrderState as S;

    const T: Timestamp = Timestamp::from_unix(1_800_000_000);

    #[test]
    fn every_kind_is_listed_once() {
        let mut keys: Vec<&str> = BlockerKind::ALL.iter().map(|k| k.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), BlockerKind::ALL.len());
    }

    #[test]
    fn which_orders_block_which_side() {
        for state in S::ALL {
            assert_eq!(
                order_blocks(state, Side::Buyer),
                !state.is_terminal(),
                "{state}"
            );
        }
        assert!(!order_blocks(S::AwaitingPayment, Side::Seller));
        assert!(order_blocks(S::InProgress, Side::Seller));
        assert!(order_blocks(S::Delivered, Side::Seller));
        assert!(order_blocks(S::Disputed, Side::Seller));
        assert!(!order_blocks(S::Completed, Side::Seller));
    }

    #[test]
    fn when_blockers_clear() {
        let later = T.plus_days(1);
        assert_eq!(order_clears_at(S::Delivered, Some(T), None, None), Some(T));
        assert_eq!(
            order_clears_at(S::Delivered, Some(later), None, Some(T)),
            Some(T)
        );
        assert_eq!(
            order_clears_at(S::AwaitingPayment, None, Some(T), None),
            Some(T)
        );
        assert_eq!(order_clears_at(S::InProgress, None, None, None), None);
        assert_eq!(order_clears_at(S::InProgress, None, None, Some(T)), Some(T));
        assert_eq!(order_clears_at(S::Disputed, Some(T), None, Some(T)), None);
        assert_eq!(
            BlockerKind::CancellationRequest.key(),
            "cancellation-request"
        );
    }
}
