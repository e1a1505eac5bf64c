//! The seller's sales page (売上管理): available balance, money still in escrow, each sale
//! with its payout deadline, expired sales, payout requests and monthly earnings.

use yorozu_domain::OrderId;
use yorozu_domain::orders::OrderState;
use yorozu_domain::payouts::SaleState;
use yorozu_domain::payouts::schedule::Date;
use yorozu_domain::{Timestamp, Yen};
use yorozu_store::payouts::requests;
use yorozu_store::payouts::sales;

use super::request::available;
use super::view::PayoutRequest;
use crate::accounts::CurrentUser;
use crate::{App, AppError, AppResult};

/// One month of earnings for the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthTotal {
    pub year: i32,
    pub month: u8,
    pub amount: Yen,
}

/// One sale (one completed order) with the title of the order it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaleLine {
    pub order_id: OrderId,
    pub listing_title: String,
    /// Set on a tip's line (おひねり): the tip's id.
    pub tip_id: Option<i64>,
    /// The seller's share of the order (or of the tip).
    pub amount: Yen,
    pub credited_at: i64,
    pub payout_request_id: Option<i64>,
    pub expired_at: Option<i64>,
}

impl SaleLine {
    /// Open, taken by a payout request, or expired.
    pub fn state(&self) -> SaleState {
        SaleState::of(self.expired_at.is_some(), self.payout_request_id.is_some())
    }
}

impl From<sales::SaleLine> for SaleLine {
    fn from(s: sales::SaleLine) -> Self {
        Self {
            order_id: s.order_id,
            listing_title: s.listing_title,
            tip_id: s.tip_id,
            amount: s.amount,
            credited_at: s.credited_at,
            payout_request_id: s.payout_request_id,
            expired_at: s.expired_at,
        }
    }
}

#[derive(Debug, Clone)]
pub struct SalesPage {
    pub available: Yen,
    /// Shares of orders paid but not yet completed.
    pub in_escrow: Yen,
    pub sales: Vec<SaleLine>,
    /// Days a sale stays payable after it is credited.
    pub validity_days: i64,
    pub in_flight: Option<PayoutRequest>,
    pub requests: Vec<PayoutRequest>,
    /// The last twelve months, oldest first (Japan time).
    pub months: Vec<MonthTotal>,
    /// The transfer date a request made now would get.
    pub next_transfer_date: Date,
}

impl SalesPage {
    /// The last day a sale credited at `credited_at` can be requested.
    pub fn deadline(&self, credited_at: i64) -> Date {
        Date::in_japan(Timestamp::from_unix(
            credited_at + self.validity_days * 86_400,
        ))
    }
}

pub async fn page(app: &App, seller: &CurrentUser) -> AppResult<SalesPage> {
    let now = app.now();
    let today = Date::in_japan(Timestamp::from_unix(now));
    // Twelve months back from the first of this month.
    let mut first = Date { day: 1, ..today };
    for _ in 0..11 {
        first = if first.month == 1 {
            Date {
                year: first.year - 1,
                month: 12,
                day: 1,
            }
        } else {
            Date {
                month: first.month - 1,
                ..first
            }
        };
    }
    let mut c = app.db.read().await?;
    let available = available(&mut c, seller.id).await?;
    let escrow_states: Vec<OrderState> = OrderState::ALL
        .into_iter()
        .filter(|s| s.holds_escrow())
        .collect();
    let in_escrow = Yen::new(
        yorozu_store::orders::rows::seller_share_in_states(&mut c, seller.id, &escrow_states)
            .await?,
    );
    let sales_list = sales::list(&mut c, seller.id, 200, 0).await?;
    let reqs = requests::for_seller(&mut c, seller.id, 50).await?;
    let days = sales::daily_sums(&mut c, seller.id, first.start_in_japan().unix(), now + 1).await?;
    drop(c);
    let mut months: Vec<MonthTotal> = Vec::with_capacity(12);
    let mut m = first;
    for _ in 0..12 {
        months.push(MonthTotal {
            year: m.year,
            month: m.month,
            amount: Yen::ZERO,
        });
        m = if m.month == 12 {
            Date {
                year: m.year + 1,
                month: 1,
                day: 1,
            }
        } else {
            Date {
                month: m.month + 1,
                ..m
            }
        };
    }
    for (day, sum) in days {
        let d = Date::from_days(day);
        if let Some(slot) = months
            .iter_mut()
            .find(|t| t.year == d.year && t.month == d.month)
        {
            slot.amount = slot
                .amount
                .checked_add(sum)
                .ok_or_else(|| AppError::Internal("monthly sales overflow".into()))?;
        }
    }
    let reqs: Vec<PayoutRequest> = reqs.into_iter().map(PayoutRequest::from).collect();
    Ok(SalesPage {
        available,
        in_escrow,
        in_flight: reqs.iter().find(|r| r.status.is_in_flight()).cloned(),
        sales: sales_list.into_iter().map(SaleLine::from).collect(),
        validity_days: app.policy.sales_validity_days,
        requests: reqs,
        months,
        next_transfer_date: super::transfer_date_now(app),
    })
}
