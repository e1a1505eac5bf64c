//! Disputes, the operator's side: the queue (oldest first) and the decision — release to the
//! seller, a full refund, or a partial refund — with a reason both parties see. Every
//! decision is audited with its reason.
//!
//! A decision locks the order and changes the dispute only while it is still open (a
//! conditional update), so a decision racing with a party's withdrawal of the dispute, or
//! with another operator's decision, leaves exactly one outcome.

use serde::{Deserialize, Serialize};
use yorozu_domain::money::parse_amount;
use yorozu_domain::orders::text::REASON_MAX_CHARS;
use yorozu_domain::orders::{
    CancellationStatus, DeliveryOutcome, DisputeDecision, DisputeReason, DisputeSide, OrderEvent,
    OrderState, OrderText, Transaction, partial_refund,
};
use yorozu_domain::{ErrorCode, OrderId, Yen};
use yorozu_i18n::Arg;
use yorozu_store::Exec;
use yorozu_store::listings::rows as listing_rows;
use yorozu_store::orders::disputes::{self, Decided};
use yorozu_store::orders::{OrderRow, cancellations, deliveries, rows};

use super::effects::{self, quote_of};
use super::transition::{self, Stamps};
use super::{deliver, notify};
use crate::accounts::CurrentUser;
use crate::jobs::Job;
use crate::operators::audit;
use crate::{App, AppError, AppResult, FieldError, Fields, ledger};

/// Ledger kind of a partial refund decided in a dispute (the reference is the order id).
pub const LEDGER_DISPUTE_PARTIAL: &str = "order_dispute_partial_refund";

/// How many disputes the queue shows at once.
pub const QUEUE_SIZE: i64 = 200;

/// One line of the operator's dispute queue.
#[derive(Debug, Clone, Serialize)]
pub struct QueueEntry {
    pub dispute_id: i64,
    pub order_id: OrderId,
    pub title: String,
    pub reason: DisputeReason,
    pub opened_side: DisputeSide,
    pub opened_at: i64,
    /// What the buyer paid (yen).
    pub paid: i64,
}

fn operator_only(operator: &CurrentUser) -> AppResult<()> {
    if operator.is_operator() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Open disputes, oldest first.
pub async fn queue(app: &App, operator: &CurrentUser) -> AppResult<Vec<QueueEntry>> {
    operator_only(operator)?;
    let mut c = app.db.read().await?;
    let mut entries = Vec::new();
    for d in disputes::queue(&mut c, QUEUE_SIZE).await? {
        let Some(order) = rows::find(&mut c, d.order_id).await? else {
            continue;
        };
        entries.push(QueueEntry {
            dispute_id: d.id,
            order_id: d.order_id,
            title: order.listing_title,
            reason: d.reason,
            opened_side: d.opened_side,
            opened_at: d.opened_at,
            paid: order.buyer_total.get(),
        });
    }
    Ok(entries)
}

/// How many disputes wait for an operator (the dashboard's count).
pub async fn open_count(c: &mut impl Exec) -> AppResult<i64> {
    Ok(disputes::count_open(c).await?)
}

/// The operator's decision as submitted.
#[derive(Debug, Clone)]
pub struct DecisionForm {
    /// `release`, `full_refund` or `partial_refund`.
    pub decision: String,
    /// The amount the buyer gets back, for a partial refund.
    pub amount: String,
    /// Why: both parties see it.
    pub reason: String,
}

/// The outcome of a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub order_id: OrderId,
    pub decision: DisputeDecision,
    /// What the buyer got back (yen).
    pub refund: i64,
    /// What the seller was credited (yen).
    pub seller_share: i64,
}

/// An operator decides an open dispute. A release needs a formal delivery (field `decision`,
/// `order-nothing-delivered`); a partial refund an amount above ¥0 and below what the buyer
/// paid (field `amount`).
pub async fn decide(
    app: &App,
    operator: &CurrentUser,
    dispute_id: i64,
    form: &DecisionForm,
) -> AppResult<Outcome> {
    operator_only(operator)?;
    let mut fields = Fields::default();
    let decision = fields.check(
        "decision",
        DisputeDecision::parse(&form.decision)
            .ok_or(FieldError::new("decision", "dispute-decision-unknown")),
    );
    let reason = fields.check(
        "reason",
        OrderText::parse(&form.reason, REASON_MAX_CHARS, true),
    );
    let amount = match decision {
        Some(DisputeDecision::PartialRefund) => fields.check("amount", parse_amount(&form.amount)),
        _ => Some(Yen::ZERO),
    };
    let (decision, (reason, amount)) = fields.finish(decision.zip(reason.zip(amount)))?;
    let mut tx = app.db.begin().await?;
    let found = disputes::find(&mut tx, dispute_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let order = rows::lock(&mut tx, found.order_id)
        .await?
        .ok_or(AppError::NotFound)?;
    // Read again under the order's lock: a withdrawal or another decision may have come first.
    let dispute = disputes::find(&mut tx, dispute_id)
        .await?
        .filter(|d| d.status == disputes::OPEN)
        .ok_or(AppError::Conflict("dispute-not-open"))?;
    let outcome = match decision {
        DisputeDecision::Release => release(&mut tx, app, &order).await?,
        DisputeDecision::FullRefund => full_refund(&mut tx, app, &order).await?,
        DisputeDecision::PartialRefund => partial(&mut tx, app, &order, amount).await?,
    };
    let recorded = disputes::decide(
        &mut tx,
        &Decided {
            id: dispute.id,
            decision,
            operator_id: operator.id,
            reason: reason.as_str(),
            refund_amount: outcome.refund,
            seller_share: outcome.seller_share,
            now: app.now(),
        },
    )
    .await?;
    if !recorded {
        return Err(AppError::Conflict("dispute-not-open"));
    }
    close_cancellation(&mut tx, app, order.id).await?;
    audit::record(
        &mut tx,
        app,
        operator.id,
        "dispute_decided",
        Some(order.buyer_id),
        &format!(
            "order {} dispute {}: {} refund ¥{} seller ¥{} — {}",
            order.id,
            dispute.id,
            decision.as_str(),
            outcome.refund,
            outcome.seller_share,
            reason.as_str()
        ),
    )
    .await?;
    notify::both(
        &mut tx,
        app,
        &order,
        "dispute-decided",
        &[
            ("decision", Arg::from(decision.as_str())),
            ("reason", Arg::from(reason.as_str())),
            ("refund", Arg::Number(outcome.refund)),
            ("share", Arg::Number(outcome.seller_share)),
        ],
    )
    .await?;
    for user_id in [order.buyer_id, order.seller_id] {
        crate::notifications::raise(
            &mut tx,
            app,
            user_id,
            crate::notifications::NotificationKind::DisputeDecided,
            crate::notifications::NotificationSubject::Dispute(order.id),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Outcome {
        decision,
        ..outcome
    })
}

/// Release: the order completes as if approved (the seller's share, a sale, reviews).
async fn release(c: &mut impl Exec, app: &App, order: &OrderRow) -> AppResult<Outcome> {
    if !order.has_been_delivered {
        return Err(AppError::invalid("decision", "order-nothing-delivered"));
    }
    let paid = super::changes::additions::with_paid(c, order, quote_of(order)?).await?;
    deliver::complete(
        c,
        app,
        order,
        OrderEvent::ResolveDisputeComplete,
        DeliveryOutcome::Approved,
    )
    .await?;
    Ok(Outcome {
        order_id: order.id,
        decision: DisputeDecision::Release,
        refund: 0,
        seller_share: paid.seller_share().get(),
    })
}

/// Full refund: the order is cancelled and refunded like any cancellation.
async fn full_refund(c: &mut impl Exec, app: &App, order: &OrderRow) -> AppResult<Outcome> {
    let paid = super::changes::additions::with_paid(c, order, quote_of(order)?).await?;
    super::cancel::cancel(c, app, order, OrderEvent::ResolveDisputeCancel).await?;
    Ok(Outcome {
        order_id: order.id,
        decision: DisputeDecision::FullRefund,
        refund: paid.buyer_total().get(),
        seller_share: 0,
    })
}

/// Partial refund: the buyer gets `amount` back, the order completes on the rest, split by
/// the fee function ([`partial_refund`]); the ledger books it in one balanced transaction
/// that empties escrow, and the card refund of `amount` is a job.
async fn partial(
    c: &mut impl Exec,
    app: &App,
    order: &OrderRow,
    amount: Yen,
) -> AppResult<Outcome> {
    // The cap is everything the buyer paid: the order and its paid additions.
    let quote = super::changes::additions::with_paid(c, order, quote_of(order)?).await?;
    let kept = partial_refund(
        &quote,
        amount,
        app.policy.seller_fee_rate,
        app.policy.buyer_fee_rate,
    )
    .map_err(|e| {
        AppError::Invalid(vec![
            FieldError::new("amount", e.code()).with("paid", quote.buyer_total().get()),
        ])
    })?;
    let now = app.now();
    transition::apply(
        c,
        app,
        order,
        OrderEvent::ResolveDisputePartial,
        Stamps {
            completed_at: Some(now),
            ..Stamps::default()
        },
    )
    .await?;
    ledger::post(
        c,
        app,
        LEDGER_DISPUTE_PARTIAL,
        &order.id.to_string(),
        &Transaction::partial_refund(&quote, &kept, order.seller_id),
    )
    .await?;
    if let Some(pending) = deliveries::pending(c, order.id).await? {
        deliveries::decide(c, pending.id, DeliveryOutcome::Approved, "", now).await?;
    }
    super::changes::order_ended(c, app, order).await?;
    // The kept share becomes a sale on the seller's sales page.
    yorozu_store::payouts::sales::insert(c, order.id, order.seller_id, kept.seller_share(), now)
        .await?;
    listing_rows::record_sale(c, order.listing_id).await?;
    effects::refresh_rank(c, order.listing_id).await?;
    if order.charge_id.is_some() {
        let job = PartialRefund {
            order_id: order.id,
            amount: amount.get(),
        };
        crate::jobs::enqueue(c, app, &job, None, now).await?;
    }
    Ok(Outcome {
        order_id: order.id,
        decision: DisputeDecision::PartialRefund,
        refund: amount.get(),
        seller_share: kept.seller_share().get(),
    })
}

/// An open cancellation request lapses with the decision.
async fn close_cancellation(c: &mut impl Exec, app: &App, order_id: OrderId) -> AppResult<()> {
    if let Some(open) = cancellations::open(c, order_id).await? {
        cancellations::close(c, open.id, CancellationStatus::Withdrawn, "", app.now()).await?;
    }
    Ok(())
}

/// The card refund of a partial refund at the provider.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PartialRefund {
    pub order_id: OrderId,
    pub amount: i64,
}

impl Job for PartialRefund {
    const KIND: &'static str = "orders.dispute_partial_refund";
    async fn run(self, app: &App) -> AppResult<()> {
        let order = {
            let mut c = app.db.read().await?;
            rows::find(&mut c, self.order_id).await?
        };
        let Some(order) = order else { return Ok(()) };
        let Some(charge_id) = order.charge_id.as_deref() else {
            return Ok(());
        };
        if order.state != OrderState::Completed {
            return Err(AppError::Internal(format!(
                "partial refund of order {} that is {}",
                order.id, order.state
            )));
        }
        // Beyond what the order's own charge took, the additions' charges refund the rest.
        let amount =
            super::changes::additions::refund_partial_from_additions(app, &order, self.amount)
                .await?;
        // The same key on every attempt: the provider refunds once however often this runs.
        app.payments
            .refund(
                charge_id,
                amount,
                &format!("order-dispute-refund-{}", order.id),
            )
            .await
            .map_err(|e| {
                AppError::Internal(format!("partial refund of order {}: {e}", order.id))
            })?;
        let mut tx = app.db.begin().await?;
        transition::note(&mut tx, app, order.id, "order-event-dispute-refunded").await?;
        tx.commit().await?;
        Ok(())
    }
}
