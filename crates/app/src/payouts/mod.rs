//! Sales balance and payouts (売上金・振込申請): the seller's sales page, their bank account,
//! payout requests, the expiry of unrequested sales, and the operators' transfer batches with
//! the Zengin file. Every movement of money is a ledger transaction booked in the same
//! database transaction as the state change; every operator step is an audit-log entry.

pub mod bank;
pub mod batches;
pub mod console;
pub mod expiry;
pub mod hold;
pub mod request;
pub mod sales;
mod view;

pub use expiry::ExpiredSale;
pub use sales::SaleLine;
pub use view::{Batch, PayoutRequest};

use yorozu_domain::Timestamp;
use yorozu_domain::UserId;
use yorozu_domain::payouts::schedule::{Date, transfer_date};
use yorozu_i18n::Arg;
use yorozu_store::Exec;

use crate::mail::compose::compose;
use crate::mail::{MailCategory, outbox};
use crate::orders::notify::Recipient;
use crate::{App, AppResult};

/// Ledger event kinds of payouts (`ledger_transactions.kind`).
pub const LEDGER_REQUESTED: &str = "payout_requested";
pub const LEDGER_TRANSFERRED: &str = "payout_transferred";
pub const LEDGER_FAILED: &str = "payout_failed";
pub const LEDGER_EXPIRED: &str = "sales_expired";
pub const LEDGER_REINSTATED: &str = "sales_reinstated";

/// The transfer date of a request made now.
pub fn transfer_date_now(app: &App) -> Date {
    transfer_date(
        Date::in_japan(Timestamp::from_unix(app.now())),
        &app.policy.bank_holidays,
    )
}

/// Queues a transactional payout mail to `user_id` (nothing for inactive accounts).
pub(crate) async fn mail(
    c: &mut impl Exec,
    app: &App,
    user_id: UserId,
    name: &str,
    args: &[(&str, Arg)],
) -> AppResult<()> {
    let Some(to) = Recipient::load(c, user_id).await? else {
        return Ok(());
    };
    let mut all: Vec<(&str, Arg)> = vec![("url", Arg::from(app.url("/sales")))];
    all.extend(args.iter().cloned());
    let mail = compose(to.locale, name, &to.email, Some(to.user_id), &all);
    outbox::enqueue(c, app, MailCategory::Transactions, mail).await
}
