//! What the operators' payouts console shows: the requests waiting for a batch grouped by
//! transfer date, the batches, and one batch with its transfers — each request with its
//! seller's name and where the money goes (bank, branch, masked number). The actions are in
//! [`super::batches`].

use yorozu_domain::BatchId;
use yorozu_domain::Yen;
use yorozu_domain::payouts::bank::{BankCode, BranchCode};
use yorozu_domain::payouts::banks;
use yorozu_store::payouts::console::{self, RequestLine};

use super::view::{Batch, PayoutRequest};
use crate::accounts::CurrentUser;
use crate::{App, AppError, AppResult};

/// How many waiting requests the console reads at most.
const WAITING_LIMIT: i64 = 1_000;
/// How many batches the console lists.
const BATCH_LIMIT: i64 = 50;

/// A payout request with its destination spelled out for people.
#[derive(Debug, Clone)]
pub struct Transfer {
    pub request: PayoutRequest,
    /// `None` once the seller's profile is erased (withdrawal).
    pub seller_name: Option<String>,
    /// Names from the bundled bank table; empty if a code is no longer in it.
    pub bank_name: String,
    pub branch_name: String,
    /// The account number with all but the last three digits hidden (as the owner sees it).
    pub number_masked: String,
}

impl Transfer {
    fn from_line(line: RequestLine) -> Transfer {
        let names = BankCode::parse(&line.bank_code)
            .ok()
            .zip(BranchCode::parse(&line.branch_code).ok())
            .and_then(|(bank, branch)| banks::lookup(&bank, &branch).ok());
        Transfer {
            bank_name: names.map(|(b, _)| b.name.to_owned()).unwrap_or_default(),
            branch_name: names.map(|(_, br)| br.name.to_owned()).unwrap_or_default(),
            number_masked: format!("****{}", line.account_number_last3),
            request: PayoutRequest::from(line.request),
            seller_name: line.seller_name,
        }
    }
}

/// A transfer batch with the name of the operator who closed it.
#[derive(Debug, Clone)]
pub struct BatchLine {
    pub batch: Batch,
    /// `None` once the operator's profile is erased.
    pub closed_by_name: Option<String>,
}

impl From<console::BatchLine> for BatchLine {
    fn from(b: console::BatchLine) -> Self {
        Self {
            batch: Batch::from(b.batch),
            closed_by_name: b.closed_by_name,
        }
    }
}

/// The requests waiting for one transfer date: what one batch would take.
#[derive(Debug, Clone)]
pub struct WaitingDay {
    /// YYYY-MM-DD (Japan).
    pub transfer_date: String,
    pub count: usize,
    pub total_net: Yen,
    pub transfers: Vec<Transfer>,
}

#[derive(Debug, Clone)]
pub struct Overview {
    /// Earliest transfer date first.
    pub waiting: Vec<WaitingDay>,
    /// Newest first.
    pub batches: Vec<BatchLine>,
}

/// The console's front page: waiting requests by transfer date, and the batches.
pub async fn overview(app: &App, operator: &CurrentUser) -> AppResult<Overview> {
    if !operator.is_operator() {
        return Err(AppError::Forbidden);
    }
    let mut c = app.db.read().await?;
    let lines = console::waiting(&mut c, WAITING_LIMIT).await?;
    let batches = console::batches(&mut c, BATCH_LIMIT).await?;
    drop(c);
    // The store returns them ordered by date, so equal dates are adjacent.
    let mut waiting: Vec<WaitingDay> = Vec::new();
    for line in lines {
        let transfer = Transfer::from_line(line);
        match waiting.last_mut() {
            Some(day) if day.transfer_date == transfer.request.transfer_date => {
                day.count += 1;
                day.total_net = day
                    .total_net
                    .checked_add(transfer.request.net)
                    .ok_or_else(|| AppError::Internal("waiting total overflows".into()))?;
                day.transfers.push(transfer);
            }
            _ => waiting.push(WaitingDay {
                transfer_date: transfer.request.transfer_date.clone(),
                count: 1,
                total_net: transfer.request.net,
                transfers: vec![transfer],
            }),
        }
    }
    Ok(Overview {
        waiting,
        batches: batches.into_iter().map(BatchLine::from).collect(),
    })
}

/// One batch with its transfers.
pub async fn batch(
    app: &App,
    operator: &CurrentUser,
    batch_id: BatchId,
) -> AppResult<(BatchLine, Vec<Transfer>)> {
    if !operator.is_operator() {
        return Err(AppError::Forbidden);
    }
    let mut c = app.db.read().await?;
    let batch = console::batch(&mut c, batch_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let lines = console::in_batch(&mut c, batch_id).await?;
    Ok((
        batch.into(),
        lines.into_iter().map(Transfer::from_line).collect(),
    ))
}
