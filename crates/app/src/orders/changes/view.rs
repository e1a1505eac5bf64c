//! What the order page and the API show about changes: the due date and whether it has
//! passed (期限超過), the additions with their amounts, the extension requests, and what the
//! viewer may do now.

use serde::Serialize;
use yorozu_domain::OrderId;
use yorozu_domain::orders::OrderState;
use yorozu_domain::orders::changes::{AdditionStatus, ExtensionStatus};
use yorozu_store::orders::changes as store;

use crate::accounts::CurrentUser;
use crate::orders::{Party, load_for};
use crate::{App, AppResult};

/// One addition as its parties see it.
#[derive(Debug, Clone, Serialize)]
pub struct Addition {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub extra_days: i64,
    /// The seller's price (yen).
    pub price: i64,
    /// The buyer's service fee on it (yen).
    pub buyer_fee: i64,
    /// What the buyer pays (yen).
    pub total: i64,
    /// What the seller is credited on completion (yen).
    pub seller_share: i64,
    pub status: &'static str,
    pub answer: String,
    pub created_at: i64,
    pub paid_at: Option<i64>,
    pub refunded: bool,
}

/// One extension request as its parties see it.
#[derive(Debug, Clone, Serialize)]
pub struct Extension {
    pub id: i64,
    /// Whether the viewer asked for it.
    pub mine: bool,
    pub extra_days: i64,
    pub reason: String,
    pub status: &'static str,
    pub answer: String,
    pub created_at: i64,
}

/// What the viewer may do now.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ChangeActions {
    pub propose_addition: bool,
    /// Pay or decline a proposed addition (the buyer).
    pub answer_addition: bool,
    pub request_extension: bool,
    pub answer_extension: bool,
    pub withdraw_extension: bool,
    /// Cancel at once: the order is overdue (the buyer).
    pub cancel_overdue: bool,
}

/// The changes of one order for one of its parties.
#[derive(Debug, Clone, Serialize)]
pub struct Changes {
    pub order_id: OrderId,
    /// The due date (unix seconds); none before payment.
    pub due_at: Option<i64>,
    /// In progress and past the due date.
    pub overdue: bool,
    pub additions: Vec<Addition>,
    pub extensions: Vec<Extension>,
    pub actions: ChangeActions,
}

impl Changes {
    /// Nothing to show or do.
    pub fn is_empty(&self) -> bool {
        self.additions.is_empty()
            && self.extensions.is_empty()
            && self.actions == ChangeActions::default()
    }

    /// The open extension request, if any.
    pub fn open_extension(&self) -> Option<&Extension> {
        self.extensions
            .iter()
            .find(|e| e.status == ExtensionStatus::Open.as_str())
    }
}

/// The changes of `order_id` for `member`, one of its parties.
pub async fn changes(app: &App, member: &CurrentUser, order_id: OrderId) -> AppResult<Changes> {
    let mut c = app.db.read().await?;
    let (order, party) = load_for(&mut c, order_id, member.id).await?;
    let due_at = super::due_date(&mut c, &order).await?;
    let in_progress = order.state == OrderState::InProgress;
    let overdue = in_progress && due_at.is_some_and(|due| app.now() >= due);
    let additions: Vec<Addition> = store::additions(&mut c, order_id)
        .await?
        .into_iter()
        .map(|a| Addition {
            id: a.id,
            total: a.buyer_total().get(),
            seller_share: a.seller_share().get(),
            title: a.title,
            description: a.description,
            extra_days: a.extra_days,
            price: a.price.get(),
            buyer_fee: a.buyer_fee.get(),
            status: a.status.as_str(),
            answer: a.answer,
            created_at: a.created_at,
            paid_at: a.paid_at,
            refunded: a.refunded_at.is_some(),
        })
        .collect();
    let extensions: Vec<Extension> = store::extensions(&mut c, order_id)
        .await?
        .into_iter()
        .map(|e| Extension {
            id: e.id,
            mine: e.requested_by == member.id,
            extra_days: e.extra_days,
            reason: e.reason,
            status: e.status.as_str(),
            answer: e.answer,
            created_at: e.created_at,
        })
        .collect();
    let open_extension = extensions
        .iter()
        .find(|e| e.status == ExtensionStatus::Open.as_str());
    let proposed = additions
        .iter()
        .any(|a| a.status == AdditionStatus::Proposed.as_str());
    let actions = ChangeActions {
        propose_addition: in_progress && party == Party::Seller,
        answer_addition: in_progress && party == Party::Buyer && proposed,
        request_extension: in_progress && open_extension.is_none(),
        answer_extension: in_progress && open_extension.is_some_and(|e| !e.mine),
        withdraw_extension: open_extension.is_some_and(|e| e.mine),
        cancel_overdue: overdue && party == Party::Buyer,
    };
    Ok(Changes {
        order_id,
        due_at,
        overdue,
        additions,
        extensions,
        actions,
    })
}
