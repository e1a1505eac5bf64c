//! The readiness check behind the withdrawal page and the API: live, from the member's open
//! orders and payout requests, with the amounts a withdrawal would forfeit.

use yorozu_domain::Timestamp;
use yorozu_domain::UserId;
use yorozu_domain::orders::OrderState;
use yorozu_domain::withdrawal::{
    Blocker, BlockerKind, DATA_TABLE, DataCategory, Side, order_blocks, order_clears_at,
};
use yorozu_store::Exec;
use yorozu_store::payouts::requests;
use yorozu_store::promotions::points;
use yorozu_store::withdrawal::readiness::{Column, OpenOrderRow, open_orders};

use crate::accounts::CurrentUser;
use crate::{App, AppResult};

/// A blocker as the page shows it: with the order's title where there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockerLine {
    pub blocker: Blocker,
    pub title: String,
    /// Where to resolve it.
    pub path: String,
}

/// What a withdrawal now would forfeit (yen and points).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Forfeits {
    /// The unrequested sales balance.
    pub sales_balance: i64,
    pub points: i64,
}

impl Forfeits {
    pub fn is_empty(&self) -> bool {
        self.sales_balance == 0 && self.points == 0
    }
}

#[derive(Debug, Clone)]
pub struct Readiness {
    pub blockers: Vec<BlockerLine>,
    pub forfeits: Forfeits,
    /// Unpaid orders on the member's services that a withdrawal would cancel.
    pub unpaid_sales_to_cancel: usize,
    /// Open custom offers (sent or received) that a withdrawal would withdraw.
    pub open_offers_to_withdraw: u64,
    pub data: &'static [DataCategory],
}

impl Readiness {
    /// Nothing blocks: the member may withdraw now.
    pub fn is_ready(&self) -> bool {
        self.blockers.is_empty()
    }

    /// When the last blocker clears by itself, if every one of them does.
    pub fn clears_by_itself_at(&self) -> Option<Timestamp> {
        self.blockers
            .iter()
            .map(|b| b.blocker.clears_at)
            .try_fold(None::<Timestamp>, |latest, at| {
                at.map(|at| Some(latest.map_or(at, |l| l.max(at))))
            })
            .flatten()
    }
}

fn states_blocking(side: Side) -> Vec<OrderState> {
    OrderState::ALL
        .into_iter()
        .filter(|s| order_blocks(*s, side))
        .collect()
}

fn order_lines(rows: Vec<OpenOrderRow>, side: Side, out: &mut Vec<BlockerLine>) {
    let ts = |t: Option<i64>| t.map(Timestamp::from_unix);
    for row in rows {
        let state = row.state;
        let kind = if state == OrderState::Disputed {
            BlockerKind::Dispute
        } else if row.cancellation_deadline.is_some() {
            BlockerKind::CancellationRequest
        } else if side == Side::Buyer {
            BlockerKind::Purchase
        } else {
            BlockerKind::Sale
        };
        out.push(BlockerLine {
            blocker: Blocker {
                kind,
                reference: row.id.get(),
                state: state.as_str().to_owned(),
                clears_at: order_clears_at(
                    state,
                    ts(row.auto_approve_at),
                    ts(row.payment_due_at),
                    ts(row.cancellation_deadline),
                ),
            },
            title: row.listing_title,
            path: crate::orders::order_path(row.id),
        });
    }
}

/// Where `member` stands.
pub async fn check(app: &App, member: &CurrentUser) -> AppResult<Readiness> {
    let mut c = app.db.read().await?;
    assess(&mut c, app, member.id).await
}

/// Where the member stands, read on `c` — inside the withdrawal's own transaction, where it
/// re-checks after closing the account.
pub(crate) async fn assess(
    c: &mut impl Exec,
    app: &App,
    member_id: UserId,
) -> AppResult<Readiness> {
    let mut blockers = Vec::new();
    let purchases = open_orders(c, member_id, Column::Buyer, &states_blocking(Side::Buyer)).await?;
    order_lines(purchases, Side::Buyer, &mut blockers);
    let sales = open_orders(c, member_id, Column::Seller, &states_blocking(Side::Seller)).await?;
    order_lines(sales, Side::Seller, &mut blockers);
    let unpaid = open_orders(c, member_id, Column::Seller, &[OrderState::AwaitingPayment]).await?;
    if let Some(payout) = requests::in_flight(c, member_id).await? {
        let date = yorozu_domain::payouts::schedule::Date::parse_iso(&payout.transfer_date);
        blockers.push(BlockerLine {
            blocker: Blocker {
                kind: BlockerKind::PayoutRequest,
                reference: payout.id,
                state: payout.status.as_str().to_owned(),
                // It clears when the transfer is made (the end of the transfer day, Japan time).
                clears_at: date.map(|d| d.plus_days(1).start_in_japan()),
            },
            title: String::new(),
            path: "/sales".into(),
        });
    }
    let sales_balance = crate::payouts::request::available(c, member_id).await?;
    let points = points::balance(c, member_id).await?.get().max(0);
    Ok(Readiness {
        blockers,
        forfeits: Forfeits {
            sales_balance: sales_balance.get().max(0),
            points,
        },
        unpaid_sales_to_cancel: unpaid.len(),
        open_offers_to_withdraw: crate::offers::withdrawal::open_count(c, app, member_id).await?,
        data: &DATA_TABLE,
    })
}
