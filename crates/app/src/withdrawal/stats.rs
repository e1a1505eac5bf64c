//! Withdrawal statistics for operators: counts per month, reasons per month (for the chart),
//! the blockers members met most, and the latest comments — all from tables that hold no one's
//! id, so nothing here can lead back to a person.

use yorozu_domain::withdrawal::{BlockerKind, ReasonChoice, Reasons};
use yorozu_store::withdrawal::stats;

use super::month_of;
use crate::accounts::CurrentUser;
use crate::{App, AppError, AppResult};

/// One month's counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct MonthCounts {
    /// `YYYY-MM`.
    pub month: String,
    /// Accounts closed (withdrawals carried out).
    pub closed: i64,
    /// Withdrawals undone by signing in during the grace period.
    pub undone: i64,
    /// Accounts purged.
    pub purged: i64,
    /// Withdrawals scheduled behind blockers, and schedules cancelled.
    pub scheduled: i64,
    pub cancelled: i64,
}

/// How often one reason was given, per month (oldest first) and in all.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ReasonSeries {
    pub choice: ReasonChoice,
    pub per_month: Vec<i64>,
    pub total: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct WithdrawalStats {
    /// The months shown, oldest first.
    pub months: Vec<String>,
    pub counts: Vec<MonthCounts>,
    pub reasons: Vec<ReasonSeries>,
    /// Withdrawals closed in these months that gave neither a choice nor a comment (a
    /// withdrawal undone and closed again counts each time).
    pub no_reason: i64,
    /// Blockers met when scheduling, most frequent first.
    pub blockers: Vec<(BlockerKind, i64)>,
    /// The latest comments (already scrubbed of personal data), newest first.
    pub comments: Vec<(String, String)>,
    /// Members shown improvement hints on the withdrawal page, and what became of them.
    pub hints: HintOutcomes,
}

/// Members who saw improvement hints on the withdrawal page (after ticking 「売れない」), over
/// the months shown, by outcome: purged (withdrew) or still active
/// [`super::hints::STAY_DAYS`] days later (stayed); `pending` are those whose outcome is not
/// known yet (any month).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct HintOutcomes {
    pub withdrew: i64,
    pub stayed: i64,
    pub pending: i64,
}

impl HintOutcomes {
    /// Members whose outcome is known.
    pub fn settled(&self) -> i64 {
        self.withdrew + self.stayed
    }

    /// Share of the settled members who stayed, in tenths of a percent; `None` without any.
    pub fn stayed_permille(&self) -> Option<i64> {
        let all = self.settled();
        (all > 0).then(|| self.stayed * 1000 / all)
    }

    /// Share of the settled members who withdrew, in tenths of a percent.
    pub fn withdrew_permille(&self) -> Option<i64> {
        self.stayed_permille().map(|p| 1000 - p)
    }
}

/// How many months the statistics cover.
pub const MONTHS: usize = 12;

/// How many of the latest comments are shown.
pub const COMMENTS: i64 = 20;

/// The last [`MONTHS`] months, oldest first, ending with the current one (Japan time).
fn last_months(now: i64) -> Vec<String> {
    let current = month_of(now);
    let year: i32 = current[..4].parse().unwrap_or(1970);
    let month: i32 = current[5..7].parse().unwrap_or(1);
    let index = year * 12 + (month - 1);
    (0..MONTHS as i32)
        .rev()
        .map(|back| {
            let i = index - back;
            format!("{:04}-{:02}", i.div_euclid(12), i.rem_euclid(12) + 1)
        })
        .collect()
}

/// The statistics; operators only.
pub async fn load(app: &App, operator: &CurrentUser) -> AppResult<WithdrawalStats> {
    if !operator.is_operator() {
        return Err(AppError::Forbidden);
    }
    let months = last_months(app.now());
    let from = months.first().cloned().unwrap_or_default();
    let mut c = app.db.read().await?;
    let events = stats::events_since(&mut c, &from).await?;
    let reasons = stats::reasons_since(&mut c, &from).await?;
    let comments = stats::latest_comments(&mut c, &from, COMMENTS).await?;
    let pending = yorozu_store::withdrawal::hint_views::pending(&mut c).await?;
    drop(c);
    let mut hints = HintOutcomes {
        pending,
        ..HintOutcomes::default()
    };

    let mut counts: Vec<MonthCounts> = months
        .iter()
        .map(|m| MonthCounts {
            month: m.clone(),
            ..MonthCounts::default()
        })
        .collect();
    let mut blockers: Vec<(BlockerKind, i64)> = Vec::new();
    for (month, event, n) in events {
        if let Some(kind) = event.strip_prefix("blocker:").and_then(blocker_kind) {
            match blockers.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, total)) => *total += n,
                None => blockers.push((kind, n)),
            }
            continue;
        }
        match event.as_str() {
            super::hints::EVENT_WITHDREW => hints.withdrew += n,
            super::hints::EVENT_STAYED => hints.stayed += n,
            _ => {}
        }
        let Some(row) = counts.iter_mut().find(|c| c.month == month) else {
            continue;
        };
        match event.as_str() {
            "closed" => row.closed += n,
            "undone" => row.undone += n,
            "purged" => row.purged += n,
            "scheduled" => row.scheduled += n,
            "cancelled" => row.cancelled += n,
            _ => {}
        }
    }
    blockers.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.key().cmp(b.0.key())));

    let mut series: Vec<ReasonSeries> = ReasonChoice::ALL
        .into_iter()
        .map(|choice| ReasonSeries {
            choice,
            per_month: vec![0; months.len()],
            total: 0,
        })
        .collect();
    for (month, choices) in &reasons {
        let Some(m) = months.iter().position(|x| x == month) else {
            continue;
        };
        for choice in Reasons::from_stored(choices, "").choices() {
            if let Some(s) = series.iter_mut().find(|s| s.choice == *choice) {
                s.per_month[m] += 1;
                s.total += 1;
            }
        }
    }
    let with_reason =
        i64::try_from(reasons.iter().filter(|(_, c)| !c.is_empty()).count()).unwrap_or(0);
    let closed: i64 = counts.iter().map(|c| c.closed).sum();
    Ok(WithdrawalStats {
        months,
        counts,
        reasons: series,
        no_reason: (closed - with_reason).max(0),
        blockers,
        comments,
        hints,
    })
}

fn blocker_kind(key: &str) -> Option<BlockerKind> {
    [
        BlockerKind::Purchase,
        BlockerKind::Sale,
        BlockerKind::CancellationRequest,
        BlockerKind::Dispute,
        BlockerKind::PayoutRequest,
    ]
    .into_iter()
    .find(|k| k.key() == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_months_back_across_a_year() {
        // 2026-02-10 12:00 UTC is February in Japan.
        let months = last_months(1_770_724_800);
        assert_eq!(months.len(), MONTHS);
        assert_eq!(months.first().map(String::as_str), Some("2025-03"));
        assert_eq!(months.last().map(String::as_str), Some("2026-02"));
    }
}
