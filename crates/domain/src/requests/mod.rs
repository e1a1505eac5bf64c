//! The request board (公開依頼): a buyer describes a piece of work with a budget and a
//! deadline for proposals, and sellers propose (提案) on it. A proposal is a custom offer sent
//! in a consultation tied to the request (see [`crate::offers`]), so this module only holds
//! what a request itself is: its state and the limits of its fields.

use crate::Timestamp;
use crate::error_code::error_codes;
use crate::moderation::report::keyed;
use crate::numbers;
use crate::stored::UnknownKey;

/// The proposal deadline a buyer may choose, in days ahead.
pub const MAX_PROPOSAL_WINDOW_DAYS: u16 = 30;
/// The proposal deadline when the buyer leaves it blank.
pub const DEFAULT_PROPOSAL_WINDOW_DAYS: u16 = 7;
/// The most proposals a request may ask for.
pub const MAX_PROPOSALS_LIMIT: u16 = 50;
/// How many proposals a request takes when the buyer leaves it blank.
pub const DEFAULT_MAX_PROPOSALS: u16 = 10;

keyed!(
    /// Where a request stands. Only an open request is on the board and takes proposals.
    RequestState, "request state" {
        /// On the board, taking proposals until its deadline or its limit.
        Open => "open",
        /// The buyer bought one of its proposals.
        Filled => "filled",
        /// Closed without a purchase: the deadline passed, the buyer closed it early, or the
        /// buyer withdrew from the service.
        Closed => "closed",
    }
);

impl RequestState {
    /// The message key naming the state on pages (`request-state-open`, …).
    pub fn message_id(self) -> String {
        format!("request-state-{}", self.as_str())
    }
}

/// Why a field of a request is refused (the title, description, budget amounts and category
/// reuse the service's own errors).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    /// The budget's lower end is above its upper end.
    #[error("the budget's minimum is above its maximum")]
    BudgetMinAboveMax,
    /// The proposal deadline is not 1 to [`MAX_PROPOSAL_WINDOW_DAYS`] days ahead.
    #[error("the proposal deadline must be between 1 and {max} days ahead")]
    DeadlineOutOfRange {
        /// The most days allowed, for the message.
        max: u16,
    },
    /// The number of proposals is not 1 to [`MAX_PROPOSALS_LIMIT`].
    #[error("the number of proposals must be between 1 and {max}")]
    MaxProposalsOutOfRange {
        /// The most proposals allowed, for the message.
        max: u16,
    },
    /// The desired delivery date is not a date (`2026-12-24`).
    #[error("the desired delivery date is not a date")]
    DesiredDateInvalid,
    /// The desired delivery date is before the proposal deadline.
    #[error("the desired delivery date is before the proposal deadline")]
    DesiredDateTooEarly,
}

error_codes! {
    RequestError {
        BudgetMinAboveMax => "request-budget-min-above-max",
        DeadlineOutOfRange { max } => "request-deadline-out-of-range",
        MaxProposalsOutOfRange { max } => "request-max-proposals-out-of-range",
        DesiredDateInvalid => "request-desired-date-invalid",
        DesiredDateTooEarly => "request-desired-date-too-early",
    }
}

/// Days from posting until proposals close: 1 to [`MAX_PROPOSAL_WINDOW_DAYS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct ProposalWindow(u16);

impl ProposalWindow {
    /// Parses what the buyer typed (`7`, `７`, `7日`); blank is
    /// [`DEFAULT_PROPOSAL_WINDOW_DAYS`].
    pub fn parse(input: &str) -> Result<Self, RequestError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Ok(Self(DEFAULT_PROPOSAL_WINDOW_DAYS));
        }
        let number = trimmed.strip_suffix('日').unwrap_or(trimmed).trim_end();
        Self::days(numbers::parse_digits(number).unwrap_or(0))
    }

    /// A number of days (the JSON API).
    pub fn days(days: u64) -> Result<Self, RequestError> {
        match u16::try_from(days) {
            Ok(d) if (1..=MAX_PROPOSAL_WINDOW_DAYS).contains(&d) => Ok(Self(d)),
            _ => Err(RequestError::DeadlineOutOfRange {
                max: MAX_PROPOSAL_WINDOW_DAYS,
            }),
        }
    }

    pub const fn get(self) -> u16 {
        self.0
    }

    /// When proposals close for a request posted at `posted_at`.
    pub const fn deadline(self, posted_at: Timestamp) -> Timestamp {
        posted_at.plus_days(self.0 as i64)
    }
}

/// How many proposals a request takes at most: 1 to [`MAX_PROPOSALS_LIMIT`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct MaxProposals(u16);

impl MaxProposals {
    /// Parses what the buyer typed; blank is [`DEFAULT_MAX_PROPOSALS`].
    pub fn parse(input: &str) -> Result<Self, RequestError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Ok(Self(DEFAULT_MAX_PROPOSALS));
        }
        let number = trimmed.strip_suffix('件').unwrap_or(trimmed).trim_end();
        Self::count(numbers::parse_digits(number).unwrap_or(0))
    }

    /// A count (the JSON API).
    pub fn count(n: u64) -> Result<Self, RequestError> {
        match u16::try_from(n) {
            Ok(n) if (1..=MAX_PROPOSALS_LIMIT).contains(&n) => Ok(Self(n)),
            _ => Err(RequestError::MaxProposalsOutOfRange {
                max: MAX_PROPOSALS_LIMIT,
            }),
        }
    }

    pub const fn get(self) -> u16 {
        self.0
    }
}

/// A calendar date (the desired delivery date), kept as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// Parses `2026-12-24` (full-width digits and `/` accepted).
    pub fn parse(input: &str) -> Result<Self, RequestError> {
        let folded: String = input
            .trim()
            .chars()
            .map(numbers::fold_digit)
            .map(|c| if c == '/' || c == '－' { '-' } else { c })
            .collect();
        let mut parts = folded.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(RequestError::DesiredDateInvalid);
        };
        let number = |s: &str| numbers::parse_digits(s).ok_or(RequestError::DesiredDateInvalid);
        let (year, month, day) = (number(y)?, number(m)?, number(d)?);
        let year = i32::try_from(year)
            .ok()
            .filter(|y| (1970..=9999).contains(y))
            .ok_or(RequestError::DesiredDateInvalid)?;
        let month = u8::try_from(month)
            .ok()
            .filter(|m| (1..=12).contains(m))
            .ok_or(RequestError::DesiredDateInvalid)?;
        let day = u8::try_from(day)
            .ok()
            .filter(|d| *d >= 1 && *d <= days_in_month(year, month))
            .ok_or(RequestError::DesiredDateInvalid)?;
        Ok(Self { year, month, day })
    }

    /// The date (in Japan, UTC+9) of an instant.
    pub fn of(at: Timestamp) -> Self {
        let days = (at.unix() + JST_OFFSET_SECONDS).div_euclid(86_400);
        civil_from_days(days)
    }

    /// Days since 1970-01-01.
    pub fn days_since_epoch(self) -> i64 {
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A stored date (`YYYY-MM-DD`).
impl TryFrom<String> for Date {
    type Error = RequestError;
    fn try_from(s: String) -> Result<Self, RequestError> {
        Self::parse(&s)
    }
}

const JST_OFFSET_SECONDS: i64 = 9 * 3600;

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> Date {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date {
        year: i32::try_from(year).unwrap_or(i32::MAX),
        month: u8::try_from(month).unwrap_or(1),
        day: u8::try_from(day).unwrap_or(1),
    }
}

/// The desired delivery date, optional, and not before the proposal deadline's date.
pub fn parse_desired_date(
    input: &str,
    proposal_deadline: Timestamp,
) -> Result<Option<Date>, RequestError> {
    if input.trim().is_empty() {
        return Ok(None);
    }
    let date = Date::parse(input)?;
    if date < Date::of(proposal_deadline) {
        return Err(RequestError::DesiredDateTooEarly);
    }
    Ok(Some(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_and_counts_keep_their_limits() {
        assert_eq!(ProposalWindow::parse("").map(ProposalWindow::get), Ok(7));
        assert_eq!(
            ProposalWindow::parse("３０日").map(ProposalWindow::get),
            Ok(30)
        );
        for bad in ["0", "31", "-1", "x"] {
            assert!(ProposalWindow::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(MaxProposals::parse(" ").map(MaxProposals::get), Ok(10));
        assert_eq!(MaxProposals::parse("５０").map(MaxProposals::get), Ok(50));
        for bad in ["0", "51", "abc"] {
            assert!(MaxProposals::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn dates_round_trip_and_follow_japan() {
        let d = Date::parse("２０２６/２/２８").expect("date");
        assert_eq!(d.to_string(), "2026-02-28");
        assert!(Date::parse("2026-02-29").is_err());
        assert!(Date::parse("2028-02-29").is_ok());
        assert!(Date::parse("2026-13-01").is_err());
        for n in [0_i64, 1, 59, 365, 20_000, 30_000] {
            assert_eq!(civil_from_days(n).days_since_epoch(), n);
        }
        // 15:00 UTC is already the next day in Japan.
        let at = Timestamp::from_unix(
            Date::parse("2026-01-01").expect("d").days_since_epoch() * 86_400 + 15 * 3600,
        );
        assert_eq!(Date::of(at).to_string(), "2026-01-02");
        assert_eq!(
            parse_desired_date("2026-01-01", at),
            Err(RequestError::DesiredDateTooEarly)
        );
        assert_eq!(parse_desired_date(" ", at), Ok(None));
    }

    #[test]
    fn states_round_trip() {
        for s in RequestState::ALL {
            assert_eq!(RequestState::try_from(s.as_str().to_owned()), Ok(*s));
        }
    }
}
