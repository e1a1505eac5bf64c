//! What the operators' payouts console reads: requests with their seller's display name and
//! the bank account's public parts, batches with the name of the operator who closed them,
//! and expired sales with their seller and order. The account number and holder stay sealed:
//! only the last digits are read here.

use yorozu_domain::BatchId;
use yorozu_domain::OrderId;
use yorozu_domain::{UserId, Yen};

use super::batches::BatchRow;
use super::requests::PayoutRequestRow;
use crate::{Exec, Result, query_as};

/// A payout request as the console lists it: the request, its seller's name and the public
/// parts of the bank account it is paid to.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RequestLine {
    #[sqlx(flatten)]
    pub request: PayoutRequestRow,
    /// `None` once the seller's profile is erased (withdrawal).
    pub seller_name: Option<String>,
    pub bank_code: String,
    pub branch_code: String,
    pub account_number_last3: String,
}

macro_rules! select_lines {
    ($rest:literal) => {
        concat!(
            "SELECT r.id, r.seller_id, p.display_name AS seller_name, r.gross, r.fee, r.net, r.status,
                    r.transfer_date, r.bank_account_id, r.batch_id, r.failure_reason, r.requested_at,
                    r.transferred_at, r.failed_at, b.bank_code, b.branch_code, b.account_number_last3
             FROM payout_requests r
             JOIN bank_accounts b ON b.id = r.bank_account_id
             LEFT JOIN profiles p ON p.user_id = r.seller_id ",
            $rest
        )
    };
}

/// Requests waiting for a batch, by transfer date then age.
pub async fn waiting(c: &mut impl Exec, limit: i64) -> Result<Vec<RequestLine>> {
    Ok(query_as!(
        c,
        fetch_all,
        RequestLine,
        select_lines!(
            "WHERE r.status = 'requested' ORDER BY r.transfer_date, r.requested_at, r.id LIMIT $1"
        ),
        limit
    )?)
}

/// The requests of one batch.
pub async fn in_batch(c: &mut impl Exec, batch_id: BatchId) -> Result<Vec<RequestLine>> {
    Ok(query_as!(
        c,
        fetch_all,
        RequestLine,
        select_lines!("WHERE r.batch_id = $1 ORDER BY r.id"),
        batch_id.get()
    )?)
}

/// A transfer batch with the name of the operator who closed it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct BatchLine {
    #[sqlx(flatten)]
    pub batch: BatchRow,
    pub closed_by_name: Option<String>,
}

macro_rules! select_batches {
    ($rest:literal) => {
        concat!(
            "SELECT b.id, b.transfer_date, b.status, b.transfer_count, b.total_net, b.closed_by,
                    p.display_name AS closed_by_name, b.closed_at, b.transferred_at
             FROM payout_batches b LEFT JOIN profiles p ON p.user_id = b.closed_by ",
            $rest
        )
    };
}

/// Batches, newest first.
pub async fn batches(c: &mut impl Exec, limit: i64) -> Result<Vec<BatchLine>> {
    Ok(query_as!(
        c,
        fetch_all,
        BatchLine,
        select_batches!("ORDER BY b.closed_at DESC, b.id DESC LIMIT $1"),
        limit
    )?)
}

pub async fn batch(c: &mut impl Exec, id: BatchId) -> Result<Option<BatchLine>> {
    Ok(query_as!(
        c,
        fetch_optional,
        BatchLine,
        select_batches!("WHERE b.id = $1"),
        id.get()
    )?)
}

/// An expired sale (失効売上金) with its seller and the order it came from.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ExpiredLine {
    #[sqlx(try_from = "i64")]
    pub order_id: OrderId,
    #[sqlx(try_from = "i64")]
    pub seller_id: UserId,
    pub seller_name: Option<String>,
    pub listing_title: String,
    #[sqlx(try_from = "i64")]
    pub amount: Yen,
    pub credited_at: i64,
    pub expired_at: i64,
}

/// Expired sales of every seller, most recently expired first.
pub async fn expired(c: &mut impl Exec, limit: i64) -> Result<Vec<ExpiredLine>> {
    Ok(query_as!(
        c,
        fetch_all,
        ExpiredLine,
        "SELECT s.order_id, s.seller_id, p.display_name AS seller_name, o.listing_title, s.amount,
                s.credited_at, s.expired_at
         FROM sales s
         JOIN orders o ON o.id = s.order_id
         LEFT JOIN profiles p ON p.user_id = s.seller_id
         WHERE s.expired_at IS NOT NULL
         ORDER BY s.expired_at DESC, s.order_id DESC LIMIT $1",
        limit
    )?)
}
