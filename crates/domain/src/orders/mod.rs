//! Orders (取引): the state machine from payment to completion, its deadlines, the amounts
//! of an order and the ledger transactions that move its money. One file per concept.

pub mod ledger;
pub mod pricing;
pub mod review;
pub mod state;
pub mod text;
pub mod timing;

pub use ledger::{Account, Entry, Transaction};
pub use pricing::{OrderQuote, PricingError};
pub use review::{Rating, RatingError, ReviewRole};
pub use state::{
    DEFAULT_SEND_BACKS_ALLOWED, Order, OrderEvent, OrderState, OrderStateError,
    OrderTransitionError, TransitionContext, apply,
};
pub use text::{OrderText, OrderTextError};
pub use timing::{auto_approval_at, cancellation_deadline, payment_deadline, talk_room_closes_at};
