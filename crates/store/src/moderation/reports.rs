//! Reports (通報): one per reporter and target, open until an operator acts on the target.

use yorozu_domain::UserId;
use yorozu_domain::moderation::{ModerationAction, ReportReason, ReportState, TargetKind};

use crate::{Exec, Result, execute, query_as, query_scalar};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ReportRow {
    pub id: i64,
    /// NULL for an automatic entry, and once the reporter's account is purged.
    #[sqlx(try_from = "crate::OptionalId")]
    pub reporter_id: Option<UserId>,
    #[sqlx(try_from = "String")]
    pub target_kind: TargetKind,
    pub target_id: i64,
    #[sqlx(try_from = "crate::OptionalId")]
    pub target_owner_id: Option<UserId>,
    #[sqlx(try_from = "String")]
    pub reason: ReportReason,
    pub comment: String,
    #[sqlx(try_from = "String")]
    pub state: ReportState,
    #[sqlx(try_from = "crate::OptionalKey")]
    pub outcome: Option<ModerationAction>,
    pub created_at: i64,
    pub updated_at: i64,
    pub decided_at: Option<i64>,
}

/// `SELECT` of every column of `reports`, then the rest of the query.
macro_rules! select {
    ($rest:literal) => {
        concat!(
            "SELECT id, reporter_id, target_kind, target_id, target_owner_id, reason, comment,
                    state, outcome, created_at, updated_at, decided_at FROM reports ",
            $rest
        )
    };
}

pub async fn insert(c: &mut impl Exec, r: &ReportRow) -> Result<()> {
    execute!(
        c,
        "INSERT INTO reports (id, reporter_id, target_kind, target_id, target_owner_id, reason,
             comment, state, outcome, created_at, updated_at, decided_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        r.id,
        r.reporter_id.map(UserId::get),
        r.target_kind.as_str(),
        r.target_id,
        r.target_owner_id.map(UserId::get),
        r.reason.as_str(),
        &r.comment,
        r.state.as_str(),
        r.outcome.map(ModerationAction::as_str),
        r.created_at,
        r.updated_at,
        r.decided_at
    )?;
    Ok(())
}

/// The reporter's report on this target, if any.
pub async fn of_reporter(
    c: &mut impl Exec,
    reporter_id: UserId,
    kind: TargetKind,
    target_id: i64,
) -> Result<Option<ReportRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        ReportRow,
        select!("WHERE reporter_id = $1 AND target_kind = $2 AND target_id = $3"),
        reporter_id.get(),
        kind.as_str(),
        target_id
    )?)
}

/// Rewrites the reason and comment of an open report (a second report of the same target).
pub async fn update_open(
    c: &mut impl Exec,
    id: i64,
    reason: ReportReason,
    comment: &str,
    now: i64,
) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE reports SET reason = $2, comment = $3, updated_at = $4
         WHERE id = $1 AND state = 'open'",
        id,
        reason.as_str(),
        comment,
        now
    )?;
    Ok(n == 1)
}

/// A member's reports, newest first.
pub async fn of_member(
    c: &mut impl Exec,
    reporter_id: UserId,
    limit: i64,
) -> Result<Vec<ReportRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        ReportRow,
        select!("WHERE reporter_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2"),
        reporter_id.get(),
        limit
    )?)
}

/// The open reports of one target, oldest first.
pub async fn open_for(
    c: &mut impl Exec,
    kind: TargetKind,
    target_id: i64,
) -> Result<Vec<ReportRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        ReportRow,
        select!(
            "WHERE state = 'open' AND target_kind = $1 AND target_id = $2 ORDER BY created_at, id"
        ),
        kind.as_str(),
        target_id
    )?)
}

/// Every open report, oldest first (the queue groups them by target).
pub async fn open(c: &mut impl Exec, limit: i64) -> Result<Vec<ReportRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        ReportRow,
        select!("WHERE state = 'open' ORDER BY created_at, id LIMIT $1"),
        limit
    )?)
}

/// How many targets have open reports (the dashboard's count).
pub async fn count_open_targets(c: &mut impl Exec) -> Result<i64> {
    Ok(query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM (SELECT DISTINCT target_kind, target_id FROM reports
                               WHERE state = 'open') t"
    )?)
}

/// Closes the open reports of a target with an outcome; returns the closed rows.
pub async fn close_for(
    c: &mut impl Exec,
    kind: TargetKind,
    target_id: i64,
    outcome: ModerationAction,
    now: i64,
) -> Result<Vec<ReportRow>> {
    let open = open_for(c, kind, target_id).await?;
    execute!(
        c,
        "UPDATE reports SET state = 'closed', outcome = $3, decided_at = $4, updated_at = $4
         WHERE state = 'open' AND target_kind = $1 AND target_id = $2",
        kind.as_str(),
        target_id,
        outcome.as_str(),
        now
    )?;
    Ok(open)
}

/// At the purge of a reporter: their reports stay, without their id.
pub async fn forget_reporter(c: &mut impl Exec, reporter_id: UserId, limit: i64) -> Result<u64> {
    Ok(execute!(
        c,
        "UPDATE reports SET reporter_id = NULL WHERE id IN
            (SELECT id FROM reports WHERE reporter_id = $1 LIMIT $2)",
        reporter_id.get(),
        limit
    )?)
}

/// At the purge of a member: the reports about their content go with it.
pub async fn delete_about(c: &mut impl Exec, owner_id: UserId, limit: i64) -> Result<u64> {
    Ok(execute!(
        c,
        "DELETE FROM reports WHERE id IN
            (SELECT id FROM reports WHERE target_owner_id = $1 LIMIT $2)",
        owner_id.get(),
        limit
    )?)
}
