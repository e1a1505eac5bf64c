//! Orders (取引): purchase, payment, the talk room, formal delivery and approval,
//! cancellation, reviews, and the jobs that act when nobody does.
//!
//! Every state change goes through [`transition::apply`], which asks the domain's state
//! machine and writes the new state only if the order is still as it was read (compare and
//! set), so of two racing actions on one order exactly one takes effect; the money, the
//! talk-room note, the jobs and the mail of that change commit in the same transaction.

pub mod cancel;
pub mod changes;
pub mod deliver;
pub mod dispute;
pub mod dispute_decide;
pub mod dispute_evidence;
pub mod effects;
pub mod job_kinds;
pub mod jobs;
pub mod notify;
mod order;
pub mod pay;
pub mod place;
pub mod quote;
mod records;
pub mod review;
pub mod reviews_public;
pub mod talk;
pub mod tips;
pub mod transition;
pub mod view;

pub use order::{Order, OrderOption};
pub use records::{Attachment, Cancellation, Delivery, Review};

use yorozu_domain::OrderId;
use yorozu_domain::UserId;
use yorozu_domain::orders::ReviewRole;
use yorozu_store::Exec;
use yorozu_store::orders::{OrderRow, rows};

use crate::{AppError, AppResult};

/// The side of an order a member is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    Buyer,
    Seller,
}

impl Party {
    /// Which side `user_id` is on, if any, of the order of `buyer_id` and `seller_id`.
    fn of_ids(buyer_id: UserId, seller_id: UserId, user_id: UserId) -> Option<Party> {
        if buyer_id == user_id {
            Some(Party::Buyer)
        } else if seller_id == user_id {
            Some(Party::Seller)
        } else {
            None
        }
    }

    /// Which side `user_id` is on, if any.
    pub(crate) fn of(order: &OrderRow, user_id: UserId) -> Option<Party> {
        Party::of_ids(order.buyer_id, order.seller_id, user_id)
    }

    /// The author's side of a review written from this side.
    pub fn review_role(self) -> ReviewRole {
        match self {
            Party::Buyer => ReviewRole::Buyer,
            Party::Seller => ReviewRole::Seller,
        }
    }

    /// The user id of the other side.
    pub(crate) fn counterpart(self, order: &OrderRow) -> UserId {
        match self {
            Party::Buyer => order.seller_id,
            Party::Seller => order.buyer_id,
        }
    }
}

/// The domain value of a stored order: its place in the state machine.
pub(crate) fn domain_order(row: &OrderRow) -> AppResult<yorozu_domain::orders::Order> {
    let state = row.state;
    let send_backs = u8::try_from(row.send_backs_used).unwrap_or(u8::MAX);
    Ok(yorozu_domain::orders::Order::from_parts(
        state,
        send_backs,
        row.has_been_delivered,
    ))
}

/// Loads an order for one of its parties. Anyone else gets "not found", so that order ids
/// reveal nothing.
pub(crate) async fn load_for(
    c: &mut impl Exec,
    order_id: OrderId,
    user_id: UserId,
) -> AppResult<(OrderRow, Party)> {
    let order = rows::find(c, order_id).await?.ok_or(AppError::NotFound)?;
    let party = Party::of(&order, user_id).ok_or(AppError::NotFound)?;
    Ok((order, party))
}

/// Like [`load_for`] inside a write transaction, with the row locked on PostgreSQL.
pub(crate) async fn lock_for(
    c: &mut impl Exec,
    order_id: OrderId,
    user_id: UserId,
) -> AppResult<(OrderRow, Party)> {
    let order = rows::lock(c, order_id).await?.ok_or(AppError::NotFound)?;
    let party = Party::of(&order, user_id).ok_or(AppError::NotFound)?;
    Ok((order, party))
}

/// The path of an order's page.
pub fn order_path(order_id: OrderId) -> String {
    format!("/orders/{order_id}")
}
