//! A member's withdrawal as their pages and the API show it.

use yorozu_domain::WithdrawalId;
use yorozu_domain::withdrawal::WithdrawalState;
use yorozu_store::withdrawal::withdrawals::WithdrawalRow;

/// A withdrawal under way: where it stands and since when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Withdrawal {
    pub id: WithdrawalId,
    pub state: WithdrawalState,
    pub requested_at: i64,
}

impl From<WithdrawalRow> for Withdrawal {
    fn from(row: WithdrawalRow) -> Withdrawal {
        Withdrawal {
            id: row.id,
            state: row.state,
            requested_at: row.requested_at,
        }
    }
}
