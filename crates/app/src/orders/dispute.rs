//! Disputes (トラブル相談), the parties' side: either party of an order in progress or
//! delivered opens one with a reason and a statement; the order waits in トラブル対応中
//! (auto-approval and the cancellation timeout stop, the money stays in escrow) until an
//! operator decides ([`super::dispute_decide`]) or a party withdraws it, which resumes the
//! order where it was with its deadlines restarted from now.

use yorozu_domain::orders::text::MESSAGE_MAX_CHARS;
use yorozu_domain::orders::{
    DisputeDecision, DisputeReason, DisputeSide, OrderEvent, OrderState, OrderText,
    auto_approval_at, cancellation_deadline,
};
use yorozu_domain::{OrderId, Timestamp, UserId};
use yorozu_i18n::Arg;
use yorozu_store::Exec;
use yorozu_store::orders::disputes::{self, DisputeRow, StatementRow};
use yorozu_store::orders::{OrderRow, cancellations, deliveries};

use super::job_kinds::{AutoApprove, CancellationTimeout};
use super::transition::{self, Stamps};
use super::{Party, notify};
use crate::accounts::CurrentUser;
use crate::{App, AppError, AppResult, Fields};

/// The side of a party, as the dispute records it.
pub(crate) fn side_of(party: Party) -> DisputeSide {
    match party {
        Party::Buyer => DisputeSide::Buyer,
        Party::Seller => DisputeSide::Seller,
    }
}

/// A party opens a dispute. Refused (`order-transition-not-allowed`) unless the order is in
/// progress or delivered.
pub async fn open(
    app: &App,
    member: &CurrentUser,
    order_id: OrderId,
    reason: &str,
    statement: &str,
) -> AppResult<i64> {
    let mut fields = Fields::default();
    let reason = fields.check(
        "reason",
        DisputeReason::parse(reason)
            .ok_or(crate::FieldError::new("reason", "dispute-reason-unknown")),
    );
    let statement = fields.check(
        "statement",
        OrderText::parse(statement, MESSAGE_MAX_CHARS, true),
    );
    let (reason, statement) = fields.finish(reason.zip(statement))?;
    let mut tx = app.db.begin().await?;
    let (order, party) = super::lock_for(&mut tx, order_id, member.id).await?;
    transition::apply(
        &mut tx,
        app,
        &order,
        OrderEvent::OpenDispute,
        Stamps::default(),
    )
    .await?;
    let row = DisputeRow {
        id: app.new_id(),
        order_id,
        opened_by: member.id,
        opened_side: side_of(party),
        reason,
        statement: statement.as_str().to_owned(),
        interrupted_state: order.state,
        status: disputes::OPEN.to_owned(),
        opened_at: app.now(),
        decision: None,
        decided_by: None,
        decided_at: None,
        decision_reason: String::new(),
        refund_amount: None,
        seller_share: None,
        withdrawn_by: None,
        withdrawn_at: None,
    };
    if !disputes::insert(&mut tx, &row).await? {
        return Err(AppError::Conflict("dispute-already-open"));
    }
    notify::both(
        &mut tx,
        app,
        &order,
        "dispute-opened",
        &[
            ("reason", Arg::from(reason.as_str())),
            ("side", Arg::from(side_of(party).as_str())),
            ("statement", Arg::from(statement.as_str())),
        ],
    )
    .await?;
    crate::notifications::raise(
        &mut tx,
        app,
        party.counterpart(&order),
        crate::notifications::NotificationKind::DisputeOpened,
        crate::notifications::NotificationSubject::Dispute(order.id),
    )
    .await?;
    tx.commit().await?;
    Ok(row.id)
}

/// A party adds a statement to the open dispute; the other side is told.
pub async fn add_statement(
    app: &App,
    member: &CurrentUser,
    order_id: OrderId,
    body: &str,
) -> AppResult<i64> {
    let mut fields = Fields::default();
    let body = fields.check("body", OrderText::parse(body, MESSAGE_MAX_CHARS, true));
    let body = fields.finish(body)?;
    let mut tx = app.db.begin().await?;
    let (order, party) = super::lock_for(&mut tx, order_id, member.id).await?;
    let dispute = disputes::open(&mut tx, order_id)
        .await?
        .ok_or(AppError::Conflict("dispute-not-open"))?;
    let row = StatementRow {
        id: app.new_id(),
        dispute_id: dispute.id,
        author_id: Some(member.id),
        side: side_of(party),
        body: body.as_str().to_owned(),
        created_at: app.now(),
    };
    if !disputes::add_statement(&mut tx, &row).await? {
        return Err(AppError::Conflict("dispute-not-open"));
    }
    transition::note(&mut tx, app, order_id, "order-event-dispute-statement").await?;
    notify::order_mail(
        &mut tx,
        app,
        &order,
        party.counterpart(&order),
        crate::mail::MailCategory::Transactions,
        "dispute-statement",
        &[("statement", Arg::from(body.as_str()))],
    )
    .await?;
    crate::notifications::raise(
        &mut tx,
        app,
        party.counterpart(&order),
        crate::notifications::NotificationKind::DisputeStatement,
        crate::notifications::NotificationSubject::Dispute(order.id),
    )
    .await?;
    tx.commit().await?;
    Ok(row.id)
}

/// A party withdraws the open dispute before the decision: the order returns to the state the
/// dispute interrupted, and its deadlines start again from now (a pending delivery's
/// auto-approval, an open cancellation request's answer period).
pub async fn withdraw(app: &App, member: &CurrentUser, order_id: OrderId) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    let (order, party) = super::lock_for(&mut tx, order_id, member.id).await?;
    let dispute = disputes::open(&mut tx, order_id)
        .await?
        .ok_or(AppError::Conflict("dispute-not-open"))?;
    let domain = super::domain_order(&order)?.with_interrupted(Some(dispute.interrupted_state));
    let resumed = transition::apply_to(
        &mut tx,
        app,
        &order,
        domain,
        OrderEvent::WithdrawDispute,
        Stamps::default(),
    )
    .await?;
    let now = app.now();
    if !disputes::withdraw(&mut tx, dispute.id, member.id, now).await? {
        return Err(AppError::Conflict("dispute-not-open"));
    }
    restart_deadlines(&mut tx, app, &order, resumed.state()).await?;
    notify::both(&mut tx, app, &order, "dispute-withdrawn", &[]).await?;
    crate::notifications::raise(
        &mut tx,
        app,
        party.counterpart(&order),
        crate::notifications::NotificationKind::DisputeWithdrawn,
        crate::notifications::NotificationSubject::Dispute(order.id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The deadlines a dispute stopped, restarted from now with new jobs (the old jobs find the
/// new due time on their rows and do nothing).
async fn restart_deadlines(
    c: &mut impl Exec,
    app: &App,
    order: &OrderRow,
    resumed: OrderState,
) -> AppResult<()> {
    let now = Timestamp::from_unix(app.now());
    if resumed == OrderState::Delivered
        && let Some(pending) = deliveries::pending(c, order.id).await?
    {
        let at = auto_approval_at(now, app.policy.auto_approval_days).unix();
        disputes::restart_auto_approval(c, order.id, at).await?;
        let job = AutoApprove {
            order_id: order.id,
            delivery_id: pending.id,
        };
        crate::jobs::enqueue(c, app, &job, None, at).await?;
    }
    if let Some(open) = cancellations::open(c, order.id).await? {
        let at = cancellation_deadline(now, app.policy.cancellation_answer_hours).unix();
        disputes::restart_cancellation_deadline(c, order.id, at).await?;
        let job = CancellationTimeout {
            order_id: order.id,
            request_id: open.id,
        };
        crate::jobs::enqueue(c, app, &job, None, at).await?;
    }
    Ok(())
}

/// One statement as the parties and the operator see it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Statement {
    pub side: DisputeSide,
    /// Written by the member looking at it.
    pub mine: bool,
    pub body: String,
    pub created_at: i64,
}

/// A dispute as the parties and the operator see it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Dispute {
    pub id: i64,
    pub order_id: OrderId,
    pub reason: DisputeReason,
    pub opened_side: DisputeSide,
    pub opened_at: i64,
    /// Where the order was when the dispute began.
    pub interrupted_state: OrderState,
    /// `open`, `withdrawn` or `decided`.
    pub status: String,
    /// The opening statement first, then every statement added.
    pub statements: Vec<Statement>,
    pub decision: Option<DisputeDecision>,
    pub decision_reason: String,
    pub decided_at: Option<i64>,
    /// What the buyer got back (yen).
    pub refund_amount: Option<i64>,
    /// What the seller was credited (yen).
    pub seller_share: Option<i64>,
    pub withdrawn_at: Option<i64>,
}

impl Dispute {
    /// Statements and decision may still change: neither decided nor withdrawn.
    pub fn is_open(&self) -> bool {
        self.status == disputes::OPEN
    }
}

/// The dispute record with its statements, seen by `viewer` (for `mine`).
pub(crate) async fn load(
    c: &mut impl Exec,
    row: DisputeRow,
    viewer: Option<UserId>,
) -> AppResult<Dispute> {
    let mut statements = vec![Statement {
        side: row.opened_side,
        mine: viewer == Some(row.opened_by),
        body: row.statement.clone(),
        created_at: row.opened_at,
    }];
    for s in disputes::statements(c, row.id).await? {
        statements.push(Statement {
            side: s.side,
            mine: viewer.is_some() && s.author_id == viewer,
            body: s.body,
            created_at: s.created_at,
        });
    }
    Ok(Dispute {
        id: row.id,
        order_id: row.order_id,
        reason: row.reason,
        opened_side: row.opened_side,
        opened_at: row.opened_at,
        interrupted_state: row.interrupted_state,
        status: row.status,
        statements,
        decision: row.decision,
        decision_reason: row.decision_reason,
        decided_at: row.decided_at,
        refund_amount: row.refund_amount,
        seller_share: row.seller_share,
        withdrawn_at: row.withdrawn_at,
    })
}

/// What the order page shows about disputes to a party.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Panel {
    /// The newest dispute of the order, if any.
    pub dispute: Option<Dispute>,
    /// A dispute may be opened now (the order is in progress or delivered).
    pub can_open: bool,
}

/// The dispute panel of an order for one of its parties.
pub async fn panel(app: &App, member: &CurrentUser, order_id: OrderId) -> AppResult<Panel> {
    let mut c = app.db.read().await?;
    let (order, _) = super::load_for(&mut c, order_id, member.id).await?;
    let dispute = match disputes::latest(&mut c, order_id).await? {
        Some(row) => Some(load(&mut c, row, Some(member.id)).await?),
        None => None,
    };
    Ok(Panel {
        dispute,
        can_open: transition::allows(&order, OrderEvent::OpenDispute, app),
    })
}
