//! Orders (取引): the state machine from payment to completion, its deadlines, the amounts
//! of an order and the ledger transactions that move its money. One file per concept.

pub mod cancellation;
pub mod changes;
pub mod delivery;
pub mod dispute;
pub mod ledger;
pub mod payment;
pub mod pricing;
pub mod review;
pub mod state;
mod stored;
pub mod talk;
pub mod text;
pub mod timing;
pub mod tip;

pub use cancellation::CancellationStatus;
pub use delivery::DeliveryOutcome;
pub use dispute::{DisputeDecision, DisputeError, DisputeReason, DisputeSide, partial_refund};
pub use ledger::{Account, Entry, Transaction};
pub use payment::PaymentMethod;
pub use pricing::{OrderQuote, PricingError};
pub use review::{Rating, RatingError, ReviewRole};
pub use state::{
    DEFAULT_SEND_BACKS_ALLOWED, Order, OrderEvent, OrderState, OrderStateError,
    OrderTransitionError, TransitionContext, apply,
};
pub use talk::MessageKind;
pub use text::{OrderText, OrderTextError};
pub use timing::{auto_approval_at, cancellation_deadline, payment_deadline, talk_room_closes_at};
pub use tip::{TipAmount, TipError, tip_quote, tip_window_open};
