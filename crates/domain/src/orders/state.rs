//! The life of an order (取引): awaiting payment → in progress → delivered → completed, with
//! the expiry, cancellation and dispute branches.
//!
//! This is the only place that decides what a state allows: whether it is terminal, whether
//! it blocks a member's withdrawal (退会), which events move it. Other layers ask these
//! functions instead of keeping lists of states.

use crate::error_code::error_codes;
use std::fmt;

/// How many times the buyer may send a formal delivery back, by default (once; configurable).
pub const DEFAULT_SEND_BACKS_ALLOWED: u8 = 1;

/// A stored order state key that is not one of [`OrderState`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OrderStateError {
    /// Not a key of [`OrderState`].
    #[error("unknown order state")]
    Unknown,
}

error_codes! {
    OrderStateError {
        Unknown => "order-state-unknown",
    }
}

/// Why an event is refused in an order's current state.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OrderTransitionError {
    /// The state machine has no such edge, e.g. approving an order that is still in progress
    /// or doing anything with a completed one.
    #[error("a {from} order does not accept {event}")]
    NotAllowed {
        /// The current state.
        from: OrderState,
        /// The refused event.
        event: OrderEvent,
    },
    /// The buyer already sent deliveries back as often as allowed.
    #[error("a delivery can be sent back at most {max} times")]
    SendBackLimitReached {
        /// How many send-backs the configuration allows.
        max: u8,
    },
    /// A dispute cannot be resolved as completed when nothing was ever formally delivered:
    /// a completed order always went through a delivery.
    #[error("a dispute without a formal delivery cannot be resolved as completed")]
    NothingDelivered,
}

error_codes! {
    OrderTransitionError {
        NotAllowed => "order-transition-not-allowed",
        SendBackLimitReached { max } => "order-send-back-limit-reached",
        NothingDelivered => "order-nothing-delivered",
    }
}

/// Where an order stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderState {
    /// 支払い待ち: ordered on the deferred-payment path, not yet paid.
    AwaitingPayment,
    /// 作業中: paid; the seller works (also after a delivery was sent back).
    InProgress,
    /// 納品済み: formally delivered; waiting for the buyer's approval or auto-approval.
    Delivered,
    /// 完了: approved; the seller's sales are credited. Terminal.
    Completed,
    /// キャンセル: cancelled by agreement, by an unanswered request or by a dispute's
    /// resolution; the payment is refunded. Terminal.
    Cancelled,
    /// 期限切れ: never paid before the payment deadline. Terminal.
    Expired,
    /// トラブル対応中: an operator is handling a dispute; only the resolution moves it.
    Disputed,
}

impl OrderState {
    /// Every state.
    pub const ALL: [OrderState; 7] = [
        Self::AwaitingPayment,
        Self::InProgress,
        Self::Delivered,
        Self::Completed,
        Self::Cancelled,
        Self::Expired,
        Self::Disputed,
    ];

    /// Stable key for storage (the `state` column), the JSON API and message ids.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AwaitingPayment => "awaiting_payment",
            Self::InProgress => "in_progress",
            Self::Delivered => "delivered",
            Self::Completed => "completed",
            Self::Cancelled => "cancelled",
            Self::Expired => "expired",
            Self::Disputed => "disputed",
        }
    }

    /// Reads a key written by [`OrderState::as_str`].
    pub fn parse(key: &str) -> Result<Self, OrderStateError> {
        Self::ALL
            .into_iter()
            .find(|state| state.as_str() == key.trim())
            .ok_or(OrderStateError::Unknown)
    }

    /// No event moves the order any more: completed, cancelled or expired.
    pub fn is_terminal(self) -> bool {
        matches!(self, Self::Completed | Self::Cancelled | Self::Expired)
    }

    /// The buyer's money is held in escrow for the order: paid, and neither completed nor
    /// refunded (in progress, delivered, disputed).
    pub fn holds_escrow(self) -> bool {
        !self.is_terminal() && self != Self::AwaitingPayment
    }

    /// The order keeps both its buyer and its seller from withdrawing: every state that is
    /// not terminal (an unpaid order, work in progress, a delivery waiting for approval, a
    /// dispute).
    pub fn blocks_withdrawal(self) -> bool {
        !self.is_terminal()
    }
}

impl fmt::Display for OrderState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Something that happens to an order: an action of the buyer, the seller or an operator,
/// a payment provider's answer, or a deadline passing (a job).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderEvent {
    /// The deferred payment arrived.
    PaymentSucceeded,
    /// The payment deadline passed without payment.
    PaymentExpired,
    /// The seller made a formal delivery (正式な納品).
    FormalDelivery,
    /// The buyer sent the delivery back (差し戻し); allowed a configured number of times.
    SendBack,
    /// The buyer approved the delivery.
    Approve,
    /// Nobody acted within the auto-approval period after the delivery.
    AutoApprove,
    /// The other side agreed to a cancellation request.
    CancellationAgreed,
    /// The other side did not answer a cancellation request in time (silence is agreement).
    CancellationTimedOut,
    /// Buyer or seller asked an operator to step in.
    OpenDispute,
    /// An operator resolved the dispute in favour of completing the order.
    ResolveDisputeComplete,
    /// An operator resolved the dispute by cancelling the order.
    ResolveDisputeCancel,
    /// An operator resolved the dispute with a partial refund: the buyer gets part of the
    /// payment back and the order completes on the rest.
    ResolveDisputePartial,
    /// The member who opened the dispute, or the other side, withdrew it before the decision:
    /// the order resumes in the state the dispute interrupted.
    WithdrawDispute,
    /// The seller withdrew (退会) while the order still awaited the buyer's payment.
    SellerWithdrew,
    /// An operator suspended (利用停止) one of the parties and chose to cancel their orders.
    PartySuspended,
}

impl OrderEvent {
    /// Every event.
    pub const ALL: [OrderEvent; 15] = [
        Self::PaymentSucceeded,
        Self::PaymentExpired,
        Self::FormalDelivery,
        Self::SendBack,
        Self::Approve,
        Self::AutoApprove,
        Self::CancellationAgreed,
        Self::CancellationTimedOut,
        Self::OpenDispute,
        Self::ResolveDisputeComplete,
        Self::ResolveDisputeCancel,
        Self::SellerWithdrew,
        Self::ResolveDisputePartial,
        Self::WithdrawDispute,
        Self::PartySuspended,
    ];

    /// Stable key for logs, audit entries and the JSON API.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PaymentSucceeded => "payment_succeeded",
            Self::PaymentExpired => "payment_expired",
            Self::FormalDelivery => "formal_delivery",
            Self::SendBack => "send_back",
            Self::Approve => "approve",
            Self::AutoApprove => "auto_approve",
            Self::CancellationAgreed => "cancellation_agreed",
            Self::CancellationTimedOut => "cancellation_timed_out",
            Self::OpenDispute => "open_dispute",
            Self::ResolveDisputeComplete => "resolve_dispute_complete",
            Self::ResolveDisputeCancel => "resolve_dispute_cancel",
            Self::SellerWithdrew => "seller_withdrew",
            Self::ResolveDisputePartial => "resolve_dispute_partial",
            Self::WithdrawDispute => "withdraw_dispute",
            Self::PartySuspended => "party_suspended",
        }
    }
}

impl fmt::Display for OrderEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What [`apply`] needs to know about the order besides its state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TransitionContext {
    /// How often the buyer has already sent a delivery back.
    pub send_backs_used: u8,
    /// How often the configuration allows it ([`DEFAULT_SEND_BACKS_ALLOWED`] by default).
    pub send_backs_allowed: u8,
    /// Whether the seller has made at least one formal delivery on this order.
    pub has_been_delivered: bool,
    /// The state an open dispute interrupted (in progress or delivered), where withdrawing
    /// the dispute returns to; `None` when no dispute is open.
    pub interrupted: Option<OrderState>,
}

/// The state `event` moves an order in `state` to, or why it may not happen:
///
/// - payment (succeeded or expired) only from awaiting payment, and the seller's withdrawal
///   cancels only an order that still awaits payment;
/// - a formal delivery only from in progress to delivered;
/// - a send-back from delivered to in progress, while send-backs remain;
/// - approval or auto-approval from delivered to completed;
/// - cancellation (agreed or timed out) from awaiting payment, in progress or delivered;
/// - a dispute from in progress or delivered; its resolution completes the order (only if
///   something was formally delivered), cancels it, or completes it with a partial refund
///   (the operator judged what part of the work was done, delivered formally or not);
///   withdrawing it returns to the state it interrupted;
/// - terminal states accept nothing.
pub fn apply(
    state: OrderState,
    event: OrderEvent,
    ctx: TransitionContext,
) -> Result<OrderState, OrderTransitionError> {
    use OrderEvent as E;
    use OrderState as S;
    let next = match (state, event) {
        (S::AwaitingPayment, E::PaymentSucceeded) => S::InProgress,
        (S::AwaitingPayment, E::PaymentExpired) => S::Expired,
        (S::AwaitingPayment, E::SellerWithdrew) => S::Cancelled,
        (S::AwaitingPayment | S::InProgress | S::Delivered, E::PartySuspended) => S::Cancelled,
        (S::InProgress, E::FormalDelivery) => S::Delivered,
        (S::Delivered, E::SendBack) => {
            if ctx.send_backs_used >= ctx.send_backs_allowed {
                return Err(OrderTransitionError::SendBackLimitReached {
                    max: ctx.send_backs_allowed,
                });
            }
            S::InProgress
        }
        (S::Delivered, E::Approve | E::AutoApprove) => S::Completed,
        (
            S::AwaitingPayment | S::InProgress | S::Delivered,
            E::CancellationAgreed | E::CancellationTimedOut,
        ) => S::Cancelled,
        (S::InProgress | S::Delivered, E::OpenDispute) => S::Disputed,
        (S::Disputed, E::ResolveDisputeComplete) => {
            if !ctx.has_been_delivered {
                return Err(OrderTransitionError::NothingDelivered);
            }
            S::Completed
        }
        (S::Disputed, E::ResolveDisputeCancel) => S::Cancelled,
        (S::Disputed, E::ResolveDisputePartial) => S::Completed,
        (S::Disputed, E::WithdrawDispute) => match ctx.interrupted {
            Some(resumed @ (S::InProgress | S::Delivered)) => resumed,
            _ => return Err(OrderTransitionError::NotAllowed { from: state, event }),
        },
        (from, event) => return Err(OrderTransitionError::NotAllowed { from, event }),
    };
    Ok(next)
}

/// An order's state together with what its transitions depend on: a small value that the
/// store loads and saves as columns and that [`Order::apply`] replaces as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Order {
    state: OrderState,
    send_backs_used: u8,
    has_been_delivered: bool,
    /// The state an open dispute interrupted (stored with the dispute, not the order).
    interrupted: Option<OrderState>,
}

impl Order {
    /// A new order: awaiting payment on the deferred path, in progress when paid by card at
    /// once.
    pub const fn placed(paid: bool) -> Self {
        Self {
            state: if paid {
                OrderState::InProgress
            } else {
                OrderState::AwaitingPayment
            },
            send_backs_used: 0,
            has_been_delivered: false,
            interrupted: None,
        }
    }

    /// An order as stored (columns `state`, `send_backs_used`, `has_been_delivered`).
    pub const fn from_parts(
        state: OrderState,
        send_backs_used: u8,
        has_been_delivered: bool,
    ) -> Self {
        Self {
            state,
            send_backs_used,
            has_been_delivered,
            interrupted: None,
        }
    }

    /// The order with the state its open dispute interrupted (read from the dispute record),
    /// which [`OrderEvent::WithdrawDispute`] needs.
    pub const fn with_interrupted(self, interrupted: Option<OrderState>) -> Self {
        Self {
            interrupted,
            ..self
        }
    }

    /// The state an open dispute interrupted, if one is open.
    pub const fn interrupted(self) -> Option<OrderState> {
        self.interrupted
    }

    /// The current state.
    pub const fn state(self) -> OrderState {
        self.state
    }

    /// How often the buyer has sent a delivery back.
    pub const fn send_backs_used(self) -> u8 {
        self.send_backs_used
    }

    /// Whether the seller has formally delivered at least once.
    pub const fn has_been_delivered(self) -> bool {
        self.has_been_delivered
    }

    /// The order after `event`, with the send-back count and delivery flag updated, or why
    /// the event is refused (see [`apply`]).
    pub fn apply(
        self,
        event: OrderEvent,
        send_backs_allowed: u8,
    ) -> Result<Self, OrderTransitionError> {
        let ctx = TransitionContext {
            send_backs_used: self.send_backs_used,
            send_backs_allowed,
            has_been_delivered: self.has_been_delivered,
            interrupted: self.interrupted,
        };
        let state = apply(self.state, event, ctx)?;
        Ok(Self {
            state,
            send_backs_used: match event {
                OrderEvent::SendBack => self.send_backs_used.saturating_add(1),
                _ => self.send_backs_used,
            },
            has_been_delivered: self.has_been_delivered || event == OrderEvent::FormalDelivery,
            // Opening a dispute remembers where the order was; any way out of it forgets.
            interrupted: match state {
                OrderState::Disputed if event == OrderEvent::OpenDispute => Some(self.state),
                OrderState::Disputed => self.interrupted,
                _ => None,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error_code::ErrorCode;
    use OrderEvent as E;
    use OrderState as S;
    use proptest::prelude::*;

    const FRESH: TransitionContext = TransitionContext {
        send_backs_used: 0,
        send_backs_allowed: DEFAULT_SEND_BACKS_ALLOWED,
        has_been_delivered: true,
        interrupted: Some(S::Delivered),
    };

    #[test]
    fn keys_round_trip() {
        for state in OrderState::ALL {
            assert_eq!(OrderState::parse(state.as_str()), Ok(state));
            assert_eq!(state.to_string(), state.as_str());
        }
        assert_eq!(
            OrderState::parse("Completed"),
            Err(OrderStateError::Unknown)
        );
        assert_eq!(OrderState::parse("完了"), Err(OrderStateError::Unknown));
    }

    #[test]
    fn the_transition_table() {
        let allowed = [
            (S::AwaitingPayment, E::PaymentSucceeded, S::InProgress),
            (S::AwaitingPayment, E::PaymentExpired, S::Expired),
            (S::AwaitingPayment, E::SellerWithdrew, S::Cancelled),
            (S::InProgress, E::FormalDelivery, S::Delivered),
            (S::Delivered, E::SendBack, S::InProgress),
            (S::Delivered, E::Approve, S::Completed),
            (S::Delivered, E::AutoApprove, S::Completed),
            (S::AwaitingPayment, E::CancellationAgreed, S::Cancelled),
            (S::AwaitingPayment, E::CancellationTimedOut, S::Cancelled),
            (S::InProgress, E::CancellationAgreed, S::Cancelled),
            (S::InProgress, E::CancellationTimedOut, S::Cancelled),
            (S::Delivered, E::CancellationAgreed, S::Cancelled),
            (S::Delivered, E::CancellationTimedOut, S::Cancelled),
            (S::InProgress, E::OpenDispute, S::Disputed),
            (S::Delivered, E::OpenDispute, S::Disputed),
            (S::Disputed, E::ResolveDisputeComplete, S::Completed),
            (S::Disputed, E::ResolveDisputeCancel, S::Cancelled),
            (S::Disputed, E::ResolveDisputePartial, S::Completed),
            (S::Disputed, E::WithdrawDispute, S::Delivered),
            (S::AwaitingPayment, E::PartySuspended, S::Cancelled),
            (S::InProgress, E::PartySuspended, S::Cancelled),
            (S::Delivered, E::PartySuspended, S::Cancelled),
        ];
        for from in OrderState::ALL {
            for event in OrderEvent::ALL {
                let expected = allowed
                    .iter()
                    .find(|(f, e, _)| *f == from && *e == event)
                    .map(|(_, _, to)| *to)
                    .ok_or(OrderTransitionError::NotAllowed { from, event });
                assert_eq!(apply(from, event, FRESH), expected, "{from} + {event}");
            }
        }
    }

    #[test]
    fn terminal_states_and_withdrawal_blockers() {
        for state in OrderState::ALL {
            let terminal = matches!(state, S::Completed | S::Cancelled | S::Expired);
            assert_eq!(state.is_terminal(), terminal, "{state}");
            assert_eq!(state.blocks_withdrawal(), !terminal, "{state}");
            let escrow = matches!(state, S::InProgress | S::Delivered | S::Disputed);
            assert_eq!(state.holds_escrow(), escrow, "{state}");
        }
    }

    #[test]
    fn send_back_is_limited() {
        let used = TransitionContext {
            send_backs_used: 1,
            ..FRESH
        };
        assert_eq!(
            apply(S::Delivered, E::SendBack, used),
            Err(OrderTransitionError::SendBackLimitReached { max: 1 })
        );
        let order = Order::placed(true)
            .apply(E::FormalDelivery, 1)
            .and_then(|o| o.apply(E::SendBack, 1))
            .and_then(|o| o.apply(E::FormalDelivery, 1));
        assert_eq!(
            order.clone().map(|o| (o.state(), o.send_backs_used())),
            Ok((S::Delivered, 1))
        );
        assert_eq!(
            order.and_then(|o| o.apply(E::SendBack, 1)),
            Err(OrderTransitionError::SendBackLimitReached { max: 1 })
        );
    }

    #[test]
    fn a_dispute_completes_only_after_a_delivery() {
        let undelivered = Order::placed(true).apply(E::OpenDispute, 1);
        assert_eq!(
            undelivered
                .clone()
                .and_then(|o| o.apply(E::ResolveDisputeComplete, 1)),
            Err(OrderTransitionError::NothingDelivered)
        );
        assert_eq!(
            undelivered
                .and_then(|o| o.apply(E::ResolveDisputeCancel, 1))
                .map(Order::state),
            Ok(S::Cancelled)
        );
    }

    #[test]
    fn withdrawing_a_dispute_resumes_the_interrupted_state() {
        for interrupted in [S::InProgress, S::Delivered] {
            let ctx = TransitionContext {
                interrupted: Some(interrupted),
                ..FRESH
            };
            assert_eq!(apply(S::Disputed, E::WithdrawDispute, ctx), Ok(interrupted));
        }
        for bad in [None, Some(S::Completed), Some(S::Disputed)] {
            let ctx = TransitionContext {
                interrupted: bad,
                ..FRESH
            };
            assert!(
                apply(S::Disputed, E::WithdrawDispute, ctx).is_err(),
                "{bad:?}"
            );
        }
        let delivered = Order::placed(true).apply(E::FormalDelivery, 1);
        let disputed = delivered.and_then(|o| o.apply(E::OpenDispute, 1));
        assert_eq!(
            disputed.clone().map(Order::interrupted),
            Ok(Some(S::Delivered))
        );
        let resumed = disputed.and_then(|o| o.apply(E::WithdrawDispute, 1));
        assert_eq!(
            resumed.map(|o| (o.state(), o.interrupted())),
            Ok((S::Delivered, None))
        );
        // As stored: the interrupted state comes from the dispute record.
        let stored = Order::from_parts(S::Disputed, 0, false);
        assert!(stored.apply(E::WithdrawDispute, 1).is_err());
        assert_eq!(
            stored
                .with_interrupted(Some(S::InProgress))
                .apply(E::WithdrawDispute, 1)
                .map(Order::state),
            Ok(S::InProgress)
        );
    }

    #[test]
    fn a_partial_refund_completes_even_without_a_delivery() {
        let order = Order::placed(true)
            .apply(E::OpenDispute, 1)
            .and_then(|o| o.apply(E::ResolveDisputePartial, 1));
        assert_eq!(order.map(Order::state), Ok(S::Completed));
    }

    #[test]
    fn error_codes() {
        assert_eq!(OrderStateError::Unknown.code(), "order-state-unknown");
        assert_eq!(
            OrderTransitionError::NotAllowed {
                from: S::Completed,
                event: E::Approve
            }
            .code(),
            "order-transition-not-allowed"
        );
        assert_eq!(
            OrderTransitionError::SendBackLimitReached { max: 1 }.code(),
            "order-send-back-limit-reached"
        );
        assert_eq!(
            OrderTransitionError::NothingDelivered.code(),
            "order-nothing-delivered"
        );
    }

    fn any_state() -> impl Strategy<Value = OrderState> {
        proptest::sample::select(OrderState::ALL.to_vec())
    }

    fn any_event() -> impl Strategy<Value = OrderEvent> {
        proptest::sample::select(OrderEvent::ALL.to_vec())
    }

    fn any_ctx() -> impl Strategy<Value = TransitionContext> {
        (
            0..4_u8,
            0..4_u8,
            any::<bool>(),
            proptest::option::of(any_state()),
        )
            .prop_map(
                |(used, allowed, delivered, interrupted)| TransitionContext {
                    send_backs_used: used,
                    send_backs_allowed: allowed,
                    has_been_delivered: delivered,
                    interrupted,
                },
            )
    }

    proptest! {
        #[test]
        fn terminal_states_accept_nothing(state in any_state(), event in any_event(), ctx in any_ctx()) {
            if state.is_terminal() {
                prop_assert!(apply(state, event, ctx).is_err());
            }
        }

        #[test]
        fn random_walks_follow_the_rules(
            paid in any::<bool>(),
            events in proptest::collection::vec(any_event(), 0..40),
        ) {
            let mut order = Order::placed(paid);
            let mut visited_delivered = false;
            let mut send_backs = 0_u8;
            for event in events {
                let before = order;
                if let Ok(after) = order.apply(event, DEFAULT_SEND_BACKS_ALLOWED) {
                    prop_assert!(!before.state().is_terminal(), "left terminal {}", before.state());
                    if event == E::SendBack {
                        send_backs += 1;
                    }
                    // Only an operator's partial refund completes what was never delivered.
                    if after.state() == S::Completed && event != E::ResolveDisputePartial {
                        prop_assert!(visited_delivered, "completed without a delivery");
                    }
                    if event == E::WithdrawDispute {
                        prop_assert_eq!(Some(after.state()), before.interrupted());
                    }
                    order = after;
                }
                visited_delivered |= order.state() == S::Delivered;
                prop_assert!(send_backs <= DEFAULT_SEND_BACKS_ALLOWED);
                prop_assert_eq!(order.send_backs_used(), send_backs);
                prop_assert_eq!(order.has_been_delivered(), visited_delivered);
                prop_assert_eq!(order.state().blocks_withdrawal(), !order.state().is_terminal());
            }
        }
    }
}
