//! The `withdrawals` table: the durable state of each member's withdrawal. Every change is a
//! compare-and-set on the state (and, for the purge, the step), so that concurrent workers and
//! a member signing in cannot both win.

use yorozu_domain::WithdrawalId;
use yorozu_domain::withdrawal::{PurgeStep, WithdrawalEnding, WithdrawalState};
use yorozu_domain::{UserId, Yen};

use crate::{Exec, Result, execute, query_as};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct WithdrawalRow {
    #[sqlx(try_from = "i64")]
    pub id: WithdrawalId,
    #[sqlx(try_from = "i64")]
    pub user_id: UserId,
    #[sqlx(try_from = "String")]
    pub state: WithdrawalState,
    pub erase_now: bool,
    #[sqlx(try_from = "i64")]
    pub acknowledged_sales: Yen,
    pub acknowledged_points: i64,
    #[sqlx(try_from = "i64")]
    pub forfeited_sales: Yen,
    pub forfeited_points: i64,
    pub reason_choices: String,
    pub reason_comment: String,
    pub requested_at: i64,
    pub closed_at: Option<i64>,
    pub purge_at: Option<i64>,
    #[sqlx(try_from = "crate::OptionalKey")]
    pub purge_step: Option<PurgeStep>,
    pub purged_at: Option<i64>,
    #[sqlx(try_from = "crate::OptionalKey")]
    pub ended_reason: Option<WithdrawalEnding>,
    pub ended_at: Option<i64>,
    pub updated_at: i64,
    /// The `withdrawal_reasons` row recorded at closing, until the purge starts.
    pub reason_id: Option<i64>,
}

macro_rules! select {
    ($rest:literal) => {
        concat!(
            "SELECT id, user_id, state, erase_now, acknowledged_sales, acknowledged_points, forfeited_sales,
                forfeited_points, reason_choices,
                reason_comment, requested_at, closed_at, purge_at, purge_step, purged_at, ended_reason,
                ended_at, updated_at, reason_id FROM withdrawals ",
            $rest
        )
    };
}

/// Inserts a new withdrawal in `row.state`. A second open one for the member fails with a
/// unique violation (`withdrawals_open`).
pub async fn insert(c: &mut impl Exec, row: &WithdrawalRow) -> Result<()> {
    execute!(
        c,
        "INSERT INTO withdrawals (id, user_id, state, erase_now, acknowledged_sales, acknowledged_points,
            forfeited_sales, forfeited_points, reason_choices, reason_comment, requested_at, closed_at,
            purge_at, purge_step, purged_at, ended_reason, ended_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 0, 0, $7, $8, $9, $10, $11, NULL, NULL, NULL, NULL, $9)",
        row.id.get(),
        row.user_id.get(),
        row.state.as_str(),
        row.erase_now,
        row.acknowledged_sales.get(),
        row.acknowledged_points,
        &row.reason_choices,
        &row.reason_comment,
        row.requested_at,
        row.closed_at,
        row.purge_at
    )?;
    Ok(())
}

pub async fn find(c: &mut impl Exec, id: WithdrawalId) -> Result<Option<WithdrawalRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        WithdrawalRow,
        select!("WHERE id = $1"),
        id.get()
    )?)
}

/// The member's withdrawal under way (scheduled or closed), if any.
pub async fn open_for(c: &mut impl Exec, user_id: UserId) -> Result<Option<WithdrawalRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        WithdrawalRow,
        select!("WHERE user_id = $1 AND state IN ('scheduled', 'closed')"),
        user_id.get()
    )?)
}

/// Whether the member has a scheduled withdrawal (read on every signed-in request; the
/// `withdrawals_open` index answers it).
pub async fn is_scheduled(c: &mut impl Exec, user_id: UserId) -> Result<bool> {
    let found: Option<i64> = crate::query_scalar!(
        c,
        fetch_optional,
        i64,
        "SELECT id FROM withdrawals WHERE user_id = $1 AND state = 'scheduled'",
        user_id.get()
    )?;
    Ok(found.is_some())
}

/// What closing records.
#[derive(Debug, Clone, Copy)]
pub struct Closing {
    pub purge_at: i64,
    pub forfeited_sales: Yen,
    pub forfeited_points: i64,
    pub now: i64,
}

/// Scheduled → closed, with the forfeited amounts and the purge date; the reasons are blanked
/// (they were moved to the statistics). False if the state changed meanwhile.
pub async fn mark_closed(c: &mut impl Exec, id: WithdrawalId, closing: &Closing) -> Result<bool> {
    Ok(execute!(
        c,
        "UPDATE withdrawals SET state = 'closed', closed_at = $2, purge_at = $3, forfeited_sales = $4,
            forfeited_points = $5, reason_choices = '', reason_comment = '', updated_at = $2
         WHERE id = $1 AND state = 'scheduled'",
        id.get(),
        closing.now,
        closing.purge_at,
        closing.forfeited_sales.get(),
        closing.forfeited_points
    )? == 1)
}

/// Ends a scheduled withdrawal (`cancelled`). Closed ones end by [`undo`] or the purge.
pub async fn end(
    c: &mut impl Exec,
    id: WithdrawalId,
    from_state: WithdrawalState,
    to_state: WithdrawalState,
    reason: WithdrawalEnding,
    now: i64,
) -> Result<bool> {
    Ok(execute!(
        c,
        "UPDATE withdrawals SET state = $3, ended_reason = $4, ended_at = $5,
            reason_choices = '', reason_comment = '', updated_at = $5
         WHERE id = $1 AND state = $2 AND purge_step IS NULL",
        id.get(),
        from_state.as_str(),
        to_state.as_str(),
        reason.as_str(),
        now
    )? == 1)
}

/// Closed → undone, only while the grace period runs: the member did not choose to erase at
/// once, the purge date lies ahead and the purge has not started. False otherwise, so that an
/// erasure the member asked for cannot be called back by any path.
pub async fn undo(c: &mut impl Exec, id: WithdrawalId, now: i64) -> Result<bool> {
    Ok(execute!(
        c,
        "UPDATE withdrawals SET state = 'undone', ended_reason = 'signed_in', ended_at = $2,
            reason_id = NULL, updated_at = $2
         WHERE id = $1 AND state = 'closed' AND purge_step IS NULL AND NOT erase_now
            AND purge_at > $2",
        id.get(),
        now
    )? == 1)
}

/// Remembers the statistics row of the reasons given at closing (see [`undo`]).
pub async fn set_reason_id(c: &mut impl Exec, id: WithdrawalId, reason_id: i64) -> Result<()> {
    execute!(
        c,
        "UPDATE withdrawals SET reason_id = $2 WHERE id = $1",
        id.get(),
        reason_id
    )?;
    Ok(())
}

/// Moves the purge to `step`, from `from_step` (`None` = starts it, which needs the grace
/// period to be over). Returns false if someone else moved it (or undid the withdrawal).
pub async fn advance_purge(
    c: &mut impl Exec,
    id: WithdrawalId,
    from_step: Option<PurgeStep>,
    step: PurgeStep,
    now: i64,
) -> Result<bool> {
    let n = match from_step {
        None => execute!(
            c,
            "UPDATE withdrawals SET purge_step = $2, reason_id = NULL, updated_at = $3
             WHERE id = $1 AND state = 'closed' AND purge_step IS NULL AND purge_at <= $3",
            id.get(),
            step.as_str(),
            now
        )?,
        Some(from) => execute!(
            c,
            "UPDATE withdrawals SET purge_step = $3, updated_at = $4
             WHERE id = $1 AND state = 'closed' AND purge_step = $2",
            id.get(),
            from.as_str(),
            step.as_str(),
            now
        )?,
    };
    Ok(n == 1)
}

/// The purge's last step: closed → purged.
pub async fn mark_purged(c: &mut impl Exec, id: WithdrawalId, now: i64) -> Result<bool> {
    Ok(execute!(
        c,
        "UPDATE withdrawals SET state = 'purged', purged_at = $2, updated_at = $2
         WHERE id = $1 AND state = 'closed'",
        id.get(),
        now
    )? == 1)
}

/// Scheduled withdrawals, oldest first (the recheck sweep).
pub async fn scheduled(c: &mut impl Exec, limit: i64) -> Result<Vec<WithdrawalRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        WithdrawalRow,
        select!("WHERE state = 'scheduled' ORDER BY requested_at LIMIT $1"),
        limit
    )?)
}

/// Closed withdrawals whose purge is due or under way (the sweep that resumes purges).
pub async fn purge_due(c: &mut impl Exec, now: i64, limit: i64) -> Result<Vec<WithdrawalRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        WithdrawalRow,
        select!(
            "WHERE state = 'closed' AND purge_at <= $1
             ORDER BY purge_at LIMIT $2"
        ),
        now,
        limit
    )?)
}
