//! Suspending a member (利用停止) and lifting it. A suspended member still signs in — to read
//! the reason, download their data and withdraw once their blockers clear — but places no
//! orders, writes no messages and publishes no services ([`super::standing`]); their services
//! are paused, and their orders in progress continue or are cancelled with refunds, as the
//! operator chose.

use yorozu_domain::UserId;
use yorozu_domain::moderation::OrdersOnSuspension;
use yorozu_domain::orders::{CancellationStatus, OrderEvent, OrderState};
use yorozu_store::Exec;
use yorozu_store::listings::rows as listing_rows;
use yorozu_store::moderation::{holds as hold_rows, suspensions};
use yorozu_store::orders::{cancellations, rows as order_rows};
use yorozu_store::withdrawal::readiness::{Column, open_orders};

use super::holds::{self, SUSPENSION};
use super::notices::{NoticeKind, tell};
use crate::accounts::CurrentUser;
use crate::operators::audit;
use crate::{App, AppError, AppResult, Fields};

/// What an operator enters to suspend a member.
#[derive(Debug, Clone, Default)]
pub struct SuspensionInput {
    pub reason: String,
    /// `continue` or `cancel`.
    pub orders: String,
}

/// The parsed input.
pub(crate) struct ValidSuspension {
    pub reason: String,
    pub orders: OrdersOnSuspension,
}

impl SuspensionInput {
    pub(crate) fn parse(&self) -> AppResult<ValidSuspension> {
        let mut fields = Fields::default();
        let reason = fields.check("reason", super::parse_text(&self.reason));
        let orders = fields.check(
            "orders",
            OrdersOnSuspension::parse(&self.orders)
                .ok_or_else(|| crate::FieldError::new("orders", "moderation-orders-choice")),
        );
        let (reason, orders) = fields.finish(reason.zip(orders))?;
        Ok(ValidSuspension { reason, orders })
    }
}

/// What a suspension did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Suspended {
    /// Services paused.
    pub paused_services: usize,
    /// Orders cancelled and refunded (none when they continue).
    pub cancelled_orders: usize,
}

/// The states in which a suspension may cancel an order: not yet paid, or work under way.
/// A dispute is left to its resolution.
const CANCELLABLE: [OrderState; 3] = [
    OrderState::AwaitingPayment,
    OrderState::InProgress,
    OrderState::Delivered,
];

/// Suspends `member` inside the caller's transaction (see the module). 409
/// `moderation-already-suspended` if a suspension is in force.
pub(crate) async fn suspend_in(
    c: &mut impl Exec,
    app: &App,
    operator_id: UserId,
    member: UserId,
    s: &ValidSuspension,
) -> AppResult<Suspended> {
    let now = app.now();
    let inserted = suspensions::insert(
        c,
        &suspensions::SuspensionRow {
            id: app.new_id(),
            user_id: member,
            reason: s.reason.clone(),
            orders: s.orders,
            operator_id,
            created_at: now,
            lifted_at: None,
        },
    )
    .await?;
    if !inserted {
        return Err(AppError::Conflict("moderation-already-suspended"));
    }
    let mut done = Suspended::default();
    for listing in listing_rows::list_published_by_seller(c, member, i64::MAX).await? {
        holds::hold(c, app, listing.id, member, SUSPENSION, &s.reason).await?;
        done.paused_services += 1;
    }
    if s.orders == OrdersOnSuspension::Cancel {
        for column in [Column::Buyer, Column::Seller] {
            for open in open_orders(c, member, column, &CANCELLABLE).await? {
                let Some(order) = order_rows::lock(c, open.id).await? else {
                    continue;
                };
                if let Some(request) = cancellations::open(c, order.id).await? {
                    cancellations::close(c, request.id, CancellationStatus::Withdrawn, "", now)
                        .await?;
                }
                crate::orders::cancel::cancel(c, app, &order, OrderEvent::PartySuspended).await?;
                done.cancelled_orders += 1;
            }
        }
    }
    tell(c, app, member, NoticeKind::Suspended, "", &s.reason).await?;
    audit::record(
        c,
        app,
        operator_id,
        "moderation.suspend",
        Some(member),
        &format!(
            "orders {}; services paused {}; orders cancelled {}: {}",
            s.orders.as_str(),
            done.paused_services,
            done.cancelled_orders,
            s.reason
        ),
    )
    .await?;
    Ok(done)
}

/// An operator suspends a member directly (from the queue's member actions or the list of
/// suspensions).
pub async fn suspend(
    app: &App,
    operator: &CurrentUser,
    member: UserId,
    input: &SuspensionInput,
) -> AppResult<Suspended> {
    if !operator.is_operator() {
        return Err(AppError::Forbidden);
    }
    let valid = input.parse()?;
    let mut tx = app.db.begin().await?;
    if !yorozu_store::accounts::users::share_active(&mut tx, member).await? || member == operator.id
    {
        return Err(AppError::NotFound);
    }
    let done = suspend_in(&mut tx, app, operator.id, member, &valid).await?;
    tx.commit().await?;
    Ok(done)
}

/// An operator lifts a suspension: the services it paused are published again (those hidden
/// by an operator stay hidden) and the member is told.
pub async fn lift(
    app: &App,
    operator: &CurrentUser,
    member: UserId,
    reason: &str,
) -> AppResult<()> {
    if !operator.is_operator() {
        return Err(AppError::Forbidden);
    }
    let reason = super::parse_text(reason).map_err(|e| AppError::refused("reason", &e))?;
    let mut tx = app.db.begin().await?;
    if !suspensions::lift(&mut tx, member, app.now()).await? {
        return Err(AppError::NotFound);
    }
    for listing_id in hold_rows::lift_suspension_holds(&mut tx, member).await? {
        holds::republish(&mut tx, app, listing_id).await?;
    }
    tell(
        &mut tx,
        app,
        member,
        NoticeKind::SuspensionLifted,
        "",
        &reason,
    )
    .await?;
    audit::record(
        &mut tx,
        app,
        operator.id,
        "moderation.lift_suspension",
        Some(member),
        &reason,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A suspension in force, for the operators' list.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SuspensionView {
    pub member: UserId,
    pub member_name: Option<String>,
    pub reason: String,
    pub orders: OrdersOnSuspension,
    pub since: i64,
}

/// Members suspended now, newest first.
pub async fn in_force(app: &App, operator: &CurrentUser) -> AppResult<Vec<SuspensionView>> {
    if !operator.is_operator() {
        return Err(AppError::Forbidden);
    }
    let mut c = app.db.read().await?;
    let rows = suspensions::all_in_force(&mut c, 200).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let member_name = yorozu_store::profiles::find(&mut c, r.user_id)
            .await?
            .map(|p| p.display_name);
        out.push(SuspensionView {
            member: r.user_id,
            member_name,
            reason: r.reason,
            orders: r.orders,
            since: r.created_at,
        });
    }
    Ok(out)
}
