//! Disputes (トラブル相談) and the statements of both sides. Every change of a dispute is a
//! conditional update on `status = 'open'`, so of a decision and a withdrawal (or two
//! decisions) racing on one dispute exactly one takes effect.

use yorozu_domain::orders::{DisputeDecision, DisputeReason, DisputeSide, OrderState};
use yorozu_domain::{OrderId, UserId};

use crate::{Exec, Result, execute, query_as, query_scalar};

/// Where a dispute stands.
pub const OPEN: &str = "open";
pub const WITHDRAWN: &str = "withdrawn";
pub const DECIDED: &str = "decided";

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DisputeRow {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub order_id: OrderId,
    #[sqlx(try_from = "i64")]
    pub opened_by: UserId,
    #[sqlx(try_from = "String")]
    pub opened_side: DisputeSide,
    #[sqlx(try_from = "String")]
    pub reason: DisputeReason,
    pub statement: String,
    #[sqlx(try_from = "String")]
    pub interrupted_state: OrderState,
    pub status: String,
    pub opened_at: i64,
    #[sqlx(try_from = "crate::OptionalKey")]
    pub decision: Option<DisputeDecision>,
    #[sqlx(try_from = "crate::OptionalId")]
    pub decided_by: Option<UserId>,
    pub decided_at: Option<i64>,
    pub decision_reason: String,
    pub refund_amount: Option<i64>,
    pub seller_share: Option<i64>,
    #[sqlx(try_from = "crate::OptionalId")]
    pub withdrawn_by: Option<UserId>,
    pub withdrawn_at: Option<i64>,
}

macro_rules! select_disputes {
    ($rest:literal) => {
        concat!(
            "SELECT id, order_id, opened_by, opened_side, reason, statement, interrupted_state, \
             status, opened_at, decision, decided_by, decided_at, decision_reason, refund_amount, \
             seller_share, withdrawn_by, withdrawn_at FROM order_disputes ",
            $rest
        )
    };
}

/// Records a new open dispute. Returns `false` when the order already has an open one.
pub async fn insert(c: &mut impl Exec, d: &DisputeRow) -> Result<bool> {
    let n = execute!(
        c,
        "INSERT INTO order_disputes (id, order_id, opened_by, opened_side, reason, statement,
             interrupted_state, status, opened_at, decision, decided_by, decided_at,
             decision_reason, refund_amount, seller_share, withdrawn_by, withdrawn_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, NULL, NULL, NULL, '', NULL, NULL, NULL, NULL)
         ON CONFLICT DO NOTHING",
        d.id,
        d.order_id.get(),
        d.opened_by.get(),
        d.opened_side.as_str(),
        d.reason.as_str(),
        &d.statement,
        d.interrupted_state.as_str(),
        d.opened_at
    )?;
    Ok(n == 1)
}

/// The open dispute of an order, if any.
pub async fn open(c: &mut impl Exec, order_id: OrderId) -> Result<Option<DisputeRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        DisputeRow,
        select_disputes!("WHERE order_id = $1 AND status = 'open'"),
        order_id.get()
    )?)
}

/// The newest dispute of an order, open or not (what the order page shows).
pub async fn latest(c: &mut impl Exec, order_id: OrderId) -> Result<Option<DisputeRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        DisputeRow,
        select_disputes!("WHERE order_id = $1 ORDER BY id DESC LIMIT 1"),
        order_id.get()
    )?)
}

pub async fn find(c: &mut impl Exec, id: i64) -> Result<Option<DisputeRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        DisputeRow,
        select_disputes!("WHERE id = $1"),
        id
    )?)
}

/// Open disputes, oldest first (the operator's queue).
pub async fn queue(c: &mut impl Exec, limit: i64) -> Result<Vec<DisputeRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        DisputeRow,
        select_disputes!("WHERE status = 'open' ORDER BY opened_at, id LIMIT $1"),
        limit
    )?)
}

/// How many disputes wait for an operator.
pub async fn count_open(c: &mut impl Exec) -> Result<i64> {
    Ok(query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM order_disputes WHERE status = 'open'"
    )?)
}

/// Marks an open dispute withdrawn; `false` if it was no longer open.
pub async fn withdraw(c: &mut impl Exec, id: i64, by: UserId, now: i64) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE order_disputes SET status = 'withdrawn', withdrawn_by = $2, withdrawn_at = $3
         WHERE id = $1 AND status = 'open'",
        id,
        by.get(),
        now
    )?;
    Ok(n == 1)
}

/// An operator's decision as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decided<'a> {
    pub id: i64,
    pub decision: DisputeDecision,
    pub operator_id: UserId,
    pub reason: &'a str,
    pub refund_amount: i64,
    pub seller_share: i64,
    pub now: i64,
}

/// Records the decision on an open dispute; `false` if it was no longer open.
pub async fn decide(c: &mut impl Exec, d: &Decided<'_>) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE order_disputes SET status = 'decided', decision = $2, decided_by = $3,
             decision_reason = $4, refund_amount = $5, seller_share = $6, decided_at = $7
         WHERE id = $1 AND status = 'open'",
        d.id,
        d.decision.as_str(),
        d.operator_id.get(),
        d.reason,
        d.refund_amount,
        d.seller_share,
        d.now
    )?;
    Ok(n == 1)
}

/// A statement of one side.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct StatementRow {
    pub id: i64,
    pub dispute_id: i64,
    #[sqlx(try_from = "crate::OptionalId")]
    pub author_id: Option<UserId>,
    #[sqlx(try_from = "String")]
    pub side: DisputeSide,
    pub body: String,
    pub created_at: i64,
}

/// Adds a statement while the dispute is open; `false` once it was decided or withdrawn.
pub async fn add_statement(c: &mut impl Exec, s: &StatementRow) -> Result<bool> {
    let n = execute!(
        c,
        "INSERT INTO order_dispute_statements (id, dispute_id, author_id, side, body, created_at)
         SELECT $1, $2, $3, $4, $5, $6
         WHERE EXISTS (SELECT 1 FROM order_disputes WHERE id = $2 AND status = 'open')",
        s.id,
        s.dispute_id,
        s.author_id.map(UserId::get),
        s.side.as_str(),
        &s.body,
        s.created_at
    )?;
    Ok(n == 1)
}

/// The statements of a dispute, oldest first.
pub async fn statements(c: &mut impl Exec, dispute_id: i64) -> Result<Vec<StatementRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        StatementRow,
        "SELECT id, dispute_id, author_id, side, body, created_at
         FROM order_dispute_statements WHERE dispute_id = $1 ORDER BY id",
        dispute_id
    )?)
}

/// Restarts the pending delivery's auto-approval at `at` (a withdrawn dispute gives the
/// buyer a full period again); `false` if no delivery is pending.
pub async fn restart_auto_approval(c: &mut impl Exec, order_id: OrderId, at: i64) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE order_deliveries SET auto_approve_at = $2 WHERE order_id = $1 AND outcome = 'pending'",
        order_id.get(),
        at
    )?;
    Ok(n == 1)
}

/// Restarts the open cancellation request's answer period at `at`; `false` if none is open.
pub async fn restart_cancellation_deadline(
    c: &mut impl Exec,
    order_id: OrderId,
    at: i64,
) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE order_cancellations SET deadline_at = $2 WHERE order_id = $1 AND status = 'open'",
        order_id.get(),
        at
    )?;
    Ok(n == 1)
}

/// Records the SHA-256 of a talk-room file (kept as evidence for disputes).
pub async fn set_attachment_sha256(
    c: &mut impl Exec,
    attachment_id: i64,
    sha256: &str,
) -> Result<()> {
    execute!(
        c,
        "UPDATE order_attachments SET sha256 = $2 WHERE id = $1",
        attachment_id,
        sha256
    )?;
    Ok(())
}

/// The SHA-256 of each file of an order, by attachment id (empty for files stored before
/// it was kept).
pub async fn attachment_hashes(c: &mut impl Exec, order_id: OrderId) -> Result<Vec<(i64, String)>> {
    Ok(query_as!(
        c,
        fetch_all,
        (i64, String),
        "SELECT id, sha256 FROM order_attachments WHERE order_id = $1 ORDER BY id",
        order_id.get()
    )?)
}
