//! A member's open orders on one side, with what decides when each clears by itself.

use yorozu_domain::orders::OrderState;
use yorozu_domain::{OrderId, UserId};

use crate::dynamic::{Bind, QueryBuilder};
use crate::{Exec, Result};

/// An order that may block a withdrawal, with its pending delivery's auto-approval and its
/// open cancellation request's deadline.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OpenOrderRow {
    #[sqlx(try_from = "i64")]
    pub id: OrderId,
    pub listing_title: String,
    #[sqlx(try_from = "String")]
    pub state: OrderState,
    pub payment_due_at: Option<i64>,
    pub auto_approve_at: Option<i64>,
    pub cancellation_deadline: Option<i64>,
}

/// Which column names the member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Buyer,
    Seller,
}

/// The member's orders on one side whose state is one of `states` (the caller passes the
/// states that block, from the domain).
pub async fn open_orders(
    c: &mut impl Exec,
    user_id: UserId,
    column: Column,
    states: &[OrderState],
) -> Result<Vec<OpenOrderRow>> {
    if states.is_empty() {
        return Ok(vec![]);
    }
    let mut q = QueryBuilder::new(
        "SELECT o.id, o.listing_title, o.state, o.payment_due_at, d.auto_approve_at,
                c.deadline_at AS cancellation_deadline
         FROM orders o
         LEFT JOIN order_deliveries d ON d.order_id = o.id AND d.outcome = 'pending'
         LEFT JOIN order_cancellations c ON c.order_id = o.id AND c.status = 'open'
         WHERE ",
    );
    q.push(match column {
        Column::Buyer => "o.buyer_id = ",
        Column::Seller => "o.seller_id = ",
    });
    q.push_bind(Bind::I64(user_id.get()));
    q.push(" AND o.state IN (");
    for (i, s) in states.iter().enumerate() {
        if i > 0 {
            q.push(", ");
        }
        q.push_bind(Bind::Text(s.as_str().to_owned()));
    }
    q.push(") ORDER BY o.id LIMIT 500");
    q.fetch_all(c).await
}
