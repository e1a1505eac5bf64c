//! Changes during an order (取引中の変更): paid additions (追加オプション), delivery-date
//! extensions (納品予定日の延長) and the overdue early cancel. Each use case locks the order,
//! checks its state and writes with conditional updates, so a change racing with the order
//! ending (or with a second answer) leaves one outcome. The order's own money is untouched:
//! a paid addition books its own ledger transactions, referenced by the addition's id, and
//! the order's completion, cancellation and partial refund take the paid additions along
//! ([`additions::completed`], [`additions::cancelled`], [`additions::with_paid`]).

pub mod additions;
pub mod extension;
pub mod notify;
pub mod overdue;
pub mod view;

use yorozu_domain::Timestamp;
use yorozu_domain::orders::changes::due_at;
use yorozu_store::Exec;
use yorozu_store::orders::OrderRow;
use yorozu_store::orders::changes;

use crate::{App, AppResult};

/// The due date (納品予定日) of a paid order: its delivery days from payment, moved by paid
/// additions and accepted extensions. `None` before payment.
pub async fn due_date(c: &mut impl Exec, order: &OrderRow) -> AppResult<Option<i64>> {
    let Some(paid_at) = order.paid_at else {
        return Ok(None);
    };
    let extra = changes::extra_days(c, order.id).await?;
    Ok(Some(
        due_at(Timestamp::from_unix(paid_at), order.delivery_days, extra).unix(),
    ))
}

/// The order ended (completed, cancelled, decided): what still waits for an answer closes.
pub(crate) async fn order_ended(c: &mut impl Exec, app: &App, order: &OrderRow) -> AppResult<()> {
    let now = app.now();
    changes::close_proposed(c, order.id, now).await?;
    changes::close_open_extension(c, order.id, now).await?;
    Ok(())
}
