//! Withdrawal statistics for operators, with nobody's id in them: reasons per month (choices
//! and scrubbed comments) and monthly counts of events (`closed`, `undone`, `purged`,
//! `scheduled`, `blocker:KIND`).

use crate::{Exec, Result, execute, query_as};

/// Records reasons given in `month` (`YYYY-MM`, Japan time).
pub async fn record_reason(
    c: &mut impl Exec,
    id: i64,
    month: &str,
    choices: &str,
    comment: &str,
) -> Result<()> {
    execute!(
        c,
        "INSERT INTO withdrawal_reasons (id, month, choices, comment) VALUES ($1, $2, $3, $4)",
        id,
        month,
        choices,
        comment
    )?;
    Ok(())
}

/// Adds one to `event`'s count for `month`.
pub async fn count_event(c: &mut impl Exec, month: &str, event: &str) -> Result<()> {
    execute!(
        c,
        "INSERT INTO withdrawal_stats (month, event, count) VALUES ($1, $2, 1)
         ON CONFLICT (month, event) DO UPDATE SET count = withdrawal_stats.count + 1",
        month,
        event
    )?;
    Ok(())
}

/// Every event count from `from_month` on: `(month, event, count)`.
pub async fn events_since(
    c: &mut impl Exec,
    from_month: &str,
) -> Result<Vec<(String, String, i64)>> {
    Ok(query_as!(
        c,
        fetch_all,
        (String, String, i64),
        "SELECT month, event, count FROM withdrawal_stats WHERE month >= $1 ORDER BY month, event",
        from_month
    )?)
}

/// The stored choices of every reason from `from_month` on: `(month, choices)`.
pub async fn reasons_since(c: &mut impl Exec, from_month: &str) -> Result<Vec<(String, String)>> {
    Ok(query_as!(
        c,
        fetch_all,
        (String, String),
        "SELECT month, choices FROM withdrawal_reasons WHERE month >= $1 ORDER BY month",
        from_month
    )?)
}

/// The newest comments (non-empty) from `from_month` on, newest first: `(month, comment)`.
pub async fn latest_comments(
    c: &mut impl Exec,
    from_month: &str,
    limit: i64,
) -> Result<Vec<(String, String)>> {
    Ok(query_as!(
        c,
        fetch_all,
        (String, String),
        "SELECT month, comment FROM withdrawal_reasons WHERE comment <> '' AND month >= $1
         ORDER BY month DESC, id DESC LIMIT $2",
        from_month,
        limit
    )?)
}

/// Removes the reasons recorded for a withdrawal that was undone.
pub async fn forget_reason(c: &mut impl Exec, id: i64) -> Result<()> {
    execute!(c, "DELETE FROM withdrawal_reasons WHERE id = $1", id)?;
    Ok(())
}
