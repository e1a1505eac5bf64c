//! Payout requests and transfer batches as use cases hand them out: read from the store's
//! rows here, so that pages and the API never see a row.

use yorozu_domain::BatchId;
use yorozu_domain::payouts::{BatchStatus, PayoutStatus};
use yorozu_domain::{UserId, Yen};
use yorozu_store::payouts::batches::BatchRow;
use yorozu_store::payouts::requests::PayoutRequestRow;

/// A payout request (振込申請) of one seller's whole balance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayoutRequest {
    pub id: i64,
    pub seller_id: UserId,
    /// The balance requested.
    pub gross: Yen,
    /// The transfer fee kept back.
    pub fee: Yen,
    /// What the bank transfers: `gross - fee`.
    pub net: Yen,
    pub status: PayoutStatus,
    /// YYYY-MM-DD (Japan).
    pub transfer_date: String,
    pub batch_id: Option<BatchId>,
    /// `account_data` or `other` once a transfer failed.
    pub failure_reason: Option<String>,
    pub requested_at: i64,
    pub transferred_at: Option<i64>,
    pub failed_at: Option<i64>,
}

impl From<PayoutRequestRow> for PayoutRequest {
    fn from(r: PayoutRequestRow) -> Self {
        Self {
            id: r.id,
            seller_id: r.seller_id,
            gross: r.gross,
            fee: r.fee,
            net: r.net,
            status: r.status,
            transfer_date: r.transfer_date,
            batch_id: r.batch_id,
            failure_reason: r.failure_reason,
            requested_at: r.requested_at,
            transferred_at: r.transferred_at,
            failed_at: r.failed_at,
        }
    }
}

/// A transfer batch: the requests of one transfer date, paid with one Zengin file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch {
    pub id: BatchId,
    /// YYYY-MM-DD (Japan).
    pub transfer_date: String,
    pub status: BatchStatus,
    pub transfer_count: i64,
    pub total_net: Yen,
    pub closed_by: Option<UserId>,
    pub closed_at: i64,
    pub transferred_at: Option<i64>,
}

impl From<BatchRow> for Batch {
    fn from(b: BatchRow) -> Self {
        Self {
            id: b.id,
            transfer_date: b.transfer_date,
            status: b.status,
            transfer_count: b.transfer_count,
            total_net: b.total_net,
            closed_by: b.closed_by,
            closed_at: b.closed_at,
            transferred_at: b.transferred_at,
        }
    }
}
