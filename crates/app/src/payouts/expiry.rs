//! Sales not requested within the validity period (120 days) expire (失効売上金): a
//! periodic job books them as forfeited; an operator can reinstate a sale on a claim.

use yorozu_domain::OrderId;
use yorozu_domain::orders::Transaction;
use yorozu_domain::{UserId, Yen};
use yorozu_i18n::Arg;
use yorozu_store::payouts::console::{self, ExpiredLine};
use yorozu_store::payouts::sales;

use super::{LEDGER_EXPIRED, LEDGER_REINSTATED, mail};
use crate::accounts::CurrentUser;
use crate::operators::audit;
use crate::{App, AppError, AppResult, ledger};

/// Expires every open sale credited before the validity period; returns how many sellers'
/// sales expired. Idempotent: expired sales are no longer open.
pub async fn expire_due(app: &App) -> AppResult<usize> {
    let now = app.now();
    let before = now - app.policy.sales_validity_days.saturating_mul(86_400);
    let due = {
        let mut c = app.db.read().await?;
        sales::expiring(&mut c, before, 200).await?
    };
    for (seller_id, _) in &due {
        let mut tx = app.db.begin().await?;
        // Serialises with the seller's payout request and withdrawal (which forfeits the same
        // open sales), so a sale is never both expired and forfeited.
        yorozu_store::accounts::users::lock(&mut tx, *seller_id).await?;
        let amount = sales::expire(&mut tx, *seller_id, before, now).await?;
        if amount > Yen::ZERO {
            // One ledger event per seller and run; the reference carries the moment.
            ledger::post(
                &mut tx,
                app,
                LEDGER_EXPIRED,
                &format!("{seller_id}:{now}"),
                &Transaction::sales_expired(*seller_id, amount.get()),
            )
            .await?;
            let days = Arg::Number(app.policy.sales_validity_days);
            mail(
                &mut tx,
                app,
                *seller_id,
                "sales-expired",
                &[("amount", Arg::from(amount)), ("days", days)],
            )
            .await?;
        }
        tx.commit().await?;
    }
    Ok(due.len())
}

/// An operator reinstates one expired sale on the seller's claim: it is open again (and
/// counts its validity from now), the money is back on the seller's balance.
pub async fn reinstate(app: &App, operator: &CurrentUser, order_id: OrderId) -> AppResult<Yen> {
    if !operator.is_operator() {
        return Err(AppError::Forbidden);
    }
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let seller = yorozu_store::orders::rows::find(&mut tx, order_id)
        .await?
        .ok_or(AppError::NotFound)?
        .seller_id;
    if !yorozu_store::accounts::users::lock_active(&mut tx, seller).await? {
        return Err(AppError::Conflict("account-closed"));
    }
    let sale = sales::reinstate(&mut tx, order_id, now)
        .await?
        .ok_or(AppError::Conflict("sale-not-expired"))?;
    ledger::post(
        &mut tx,
        app,
        LEDGER_REINSTATED,
        &format!("{order_id}:{now}"),
        &Transaction::sales_reinstated(sale.seller_id, sale.amount.get()),
    )
    .await?;
    audit::record(
        &mut tx,
        app,
        operator.id,
        "sales.reinstate",
        Some(sale.seller_id),
        &format!("order {order_id}: {} yen", sale.amount.get()),
    )
    .await?;
    mail(
        &mut tx,
        app,
        sale.seller_id,
        "sales-reinstated",
        &[("amount", Arg::from(sale.amount))],
    )
    .await?;
    tx.commit().await?;
    Ok(sale.amount)
}

/// An expired sale (失効売上金) with its seller and the order it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpiredSale {
    pub order_id: OrderId,
    pub seller_id: UserId,
    /// `None` once the seller's profile is erased (withdrawal).
    pub seller_name: Option<String>,
    pub listing_title: String,
    pub amount: Yen,
    pub credited_at: i64,
    pub expired_at: i64,
}

impl From<ExpiredLine> for ExpiredSale {
    fn from(s: ExpiredLine) -> Self {
        Self {
            order_id: s.order_id,
            seller_id: s.seller_id,
            seller_name: s.seller_name,
            listing_title: s.listing_title,
            amount: s.amount,
            credited_at: s.credited_at,
            expired_at: s.expired_at,
        }
    }
}

/// How many expired sales the operators' list shows.
const EXPIRED_LIST_LIMIT: i64 = 200;

/// Expired sales of every seller, most recently expired first, with the seller's display
/// name and the order's title: what operators look through when a seller claims.
pub async fn expired_list(app: &App, operator: &CurrentUser) -> AppResult<Vec<ExpiredSale>> {
    if !operator.is_operator() {
        return Err(AppError::Forbidden);
    }
    let mut c = app.db.read().await?;
    let lines = console::expired(&mut c, EXPIRED_LIST_LIMIT).await?;
    Ok(lines.into_iter().map(ExpiredSale::from).collect())
}
