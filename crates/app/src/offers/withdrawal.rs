//! Withdrawal (退会) and offers: closing an account withdraws every open offer the member
//! sent or received, in the closing transaction, so that nothing can be bought from or by a
//! closed account. Consultation messages follow the talk room's rule: they stay for the other
//! party, the writer shown as 「退会したユーザー」.

use yorozu_domain::UserId;
use yorozu_store::Exec;
use yorozu_store::offers::versions;

use crate::{App, AppResult};

/// Withdraws the member's open offers (as seller or buyer); how many.
pub(crate) async fn close_open(c: &mut impl Exec, app: &App, member: UserId) -> AppResult<u64> {
    Ok(versions::withdraw_open_of(c, member, app.now()).await?)
}
