//! Payout dates and fees: a payout request takes the whole available balance; the transfer fee
//! is ¥160 under ¥3,000 and free from ¥3,000; requests made on the 1st–15th (Japan time) are
//! paid on the 20th, those made on the 16th–end on the 5th of the next month, moved to the
//! next business day over weekends and configured holidays. Every number is passed in.

use crate::Timestamp;
use crate::error_code::error_codes;
use crate::money::Yen;

/// Seconds Japan is ahead of UTC (no daylight saving).
const JST_OFFSET_SECONDS: i64 = 9 * 3_600;

/// The default transfer fee and the amount from which transfers are free.
pub const DEFAULT_TRANSFER_FEE: Yen = Yen::new(160);
pub const DEFAULT_FREE_TRANSFER_FROM: Yen = Yen::new(3_000);
/// Days after a sale is credited until it expires unless requested (失効).
pub const DEFAULT_SALES_VALIDITY_DAYS: i64 = 120;

/// Why a payout cannot be requested.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PayoutError {
    /// The balance does not exceed the transfer fee, so nothing would arrive.
    #[error("the balance must be more than the transfer fee {fee}")]
    BalanceTooLow {
        /// The fee that the balance must exceed.
        fee: Yen,
    },
}

error_codes! {
    PayoutError {
        BalanceTooLow { fee } => "payout-balance-too-low",
    }
}

/// The transfer fee rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeeRule {
    /// Charged on transfers below `free_from`.
    pub fee: Yen,
    pub free_from: Yen,
}

impl Default for FeeRule {
    fn default() -> Self {
        Self {
            fee: DEFAULT_TRANSFER_FEE,
            free_from: DEFAULT_FREE_TRANSFER_FROM,
        }
    }
}

/// What a payout of the whole `balance` costs and transfers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PayoutAmounts {
    /// The balance taken from the seller.
    pub gross: Yen,
    /// The transfer fee kept by the platform.
    pub fee: Yen,
    /// What reaches the bank account: gross − fee.
    pub net: Yen,
}

impl FeeRule {
    /// The fee for a payout of `gross`.
    pub fn fee_for(self, gross: Yen) -> Yen {
        if gross >= self.free_from {
            Yen::ZERO
        } else {
            self.fee
        }
    }

    /// The amounts of a payout of the whole balance, which must exceed the fee.
    pub fn payout(self, balance: Yen) -> Result<PayoutAmounts, PayoutError> {
        let fee = self.fee_for(balance);
        if balance <= fee || balance <= Yen::ZERO {
            return Err(PayoutError::BalanceTooLow { fee });
        }
        Ok(PayoutAmounts {
            gross: balance,
            fee,
            net: Yen::new(balance.get() - fee.get()),
        })
    }
}

/// A calendar date (proleptic Gregorian), for transfer dates and statement months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A valid date, or `None`.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// The date in Japan at an instant.
    pub fn in_japan(at: Timestamp) -> Date {
        Date::from_days((at.unix() + JST_OFFSET_SECONDS).div_euclid(86_400))
    }

    /// The first instant of this date in Japan.
    pub fn start_in_japan(self) -> Timestamp {
        Timestamp::from_unix(self.days() * 86_400 - JST_OFFSET_SECONDS)
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (`civil_from_days`).
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn plus_days(self, days: i64) -> Date {
        Date::from_days(self.days() + days)
    }

    /// Monday = 0 … Sunday = 6.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        ((self.days() + 3).rem_euclid(7)) as u8
    }

    pub fn is_weekend(self) -> bool {
        self.weekday() >= 5
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut parts = s.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        Date::new(year, month, day)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month (0 for a month out of range).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The first business day on or after `date`: not a Saturday, Sunday or one of `holidays`.
pub fn next_business_day(date: Date, holidays: &[Date]) -> Date {
    let mut d = date;
    while d.is_weekend() || holidays.contains(&d) {
        d = d.plus_days(1);
    }
    d
}

/// When a payout requested on `requested` (a date in Japan) is transferred: the 20th of the
/// same month for the 1st–15th, the 5th of the next month for the 16th–end, then the next
/// business day if that is a weekend or holiday.
pub fn transfer_date(requested: Date, holidays: &[Date]) -> Date {
    let scheduled = if requested.day <= 15 {
        Date {
            day: 20,
            ..requested
        }
    } else if requested.month == 12 {
        Date {
            year: requested.year + 1,
            month: 1,
            day: 5,
        }
    } else {
        Date {
            month: requested.month + 1,
            day: 5,
            ..requested
        }
    };
    next_business_day(scheduled, holidays)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error_code::ErrorCode;
    use proptest::prelude::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).expect("valid date")
    }

    #[test]
    fn fees() {
        let rule = FeeRule::default();
        assert_eq!(
            rule.payout(Yen::new(2_999))
                .map(|a| (a.fee.get(), a.net.get())),
            Ok((160, 2_839))
        );
        assert_eq!(
            rule.payout(Yen::new(3_000))
                .map(|a| (a.fee.get(), a.net.get())),
            Ok((0, 3_000))
        );
        assert_eq!(rule.payout(Yen::new(161)).map(|a| a.net.get()), Ok(1));
        assert_eq!(
            rule.payout(Yen::new(160)),
            Err(PayoutError::BalanceTooLow { fee: Yen::new(160) })
        );
        assert_eq!(
            rule.payout(Yen::ZERO),
            Err(PayoutError::BalanceTooLow { fee: Yen::new(160) })
        );
        assert_eq!(
            PayoutError::BalanceTooLow { fee: Yen::ZERO }.code(),
            "payout-balance-too-low"
        );
    }

    #[test]
    fn dates_round_trip_and_know_their_weekday() {
        assert_eq!(d(1970, 1, 1).days(), 0);
        assert_eq!(d(2026, 11, 24).weekday(), 1); // a Tuesday
        assert_eq!(d(2024, 2, 29).plus_days(1), d(2024, 3, 1));
        assert_eq!(Date::new(2026, 2, 29), None);
        assert_eq!(Date::parse_iso("2026-11-24"), Some(d(2026, 11, 24)));
        assert_eq!(d(2026, 1, 5).iso(), "2026-01-05");
        // 2026-11-24T15:00:00Z is already the 25th in Japan.
        assert_eq!(
            Date::in_japan(Timestamp::from_unix(1_795_532_400)),
            d(2026, 11, 25)
        );
        assert_eq!(d(2026, 11, 25).start_in_japan().unix(), 1_795_532_400);
    }

    #[test]
    fn the_transfer_schedule() {
        // 2026-11: the 20th is a Friday; 2026-12-05 is a Saturday → Monday the 7th.
        assert_eq!(transfer_date(d(2026, 11, 1), &[]), d(2026, 11, 20));
        assert_eq!(transfer_date(d(2026, 11, 15), &[]), d(2026, 11, 20));
        assert_eq!(transfer_date(d(2026, 11, 16), &[]), d(2026, 12, 7));
        assert_eq!(transfer_date(d(2026, 11, 30), &[]), d(2026, 12, 7));
        // Across the year end, and over a configured holiday.
        assert_eq!(transfer_date(d(2026, 12, 31), &[]), d(2027, 1, 5));
        assert_eq!(
            transfer_date(d(2026, 12, 31), &[d(2027, 1, 5)]),
            d(2027, 1, 6)
        );
        // 2026-06-20 is a Saturday → Monday 22nd; a holiday on the 22nd → 23rd.
        assert_eq!(
            transfer_date(d(2026, 6, 10), &[d(2026, 6, 22)]),
            d(2026, 6, 23)
        );
        // February's end.
        assert_eq!(transfer_date(d(2028, 2, 29), &[]), d(2028, 3, 6));
    }

    proptest! {
        #[test]
        fn civil_days_round_trip(days in -1_000_000_i64..1_000_000) {
            let date = Date::from_days(days);
            prop_assert_eq!(date.days(), days);
            prop_assert!(Date::new(date.year, date.month, date.day).is_some());
        }

        #[test]
        fn transfers_are_on_business_days_after_the_request(days in 0_i64..40_000, holiday_offsets in proptest::collection::vec(0_i64..40, 0..6)) {
            let requested = Date::from_days(days);
            let holidays: Vec<Date> = holiday_offsets.iter().map(|o| requested.plus_days(*o)).collect();
            let t = transfer_date(requested, &holidays);
            // The scheduled day: the 20th of the month for the 1st–15th, else the next 5th.
            let scheduled = if requested.day <= 15 {
                Date { day: 20, ..requested }
            } else {
                Date::from_days(Date { day: 1, ..requested }.days() + 31)
            };
            let scheduled = Date { day: if requested.day <= 15 { 20 } else { 5 }, ..scheduled };
            prop_assert!(t > requested);
            prop_assert!(!t.is_weekend() && !holidays.contains(&t));
            // Moved forward only, and only over days that are not business days.
            prop_assert!(t >= scheduled);
            let mut d = scheduled;
            while d < t {
                prop_assert!(d.is_weekend() || holidays.contains(&d), "{} skipped", d.iso());
                d = d.plus_days(1);
            }
        }

        #[test]
        fn the_fee_never_exceeds_the_payout(balance in 0_i64..10_000_000) {
            if let Ok(a) = FeeRule::default().payout(Yen::new(balance)) {
                prop_assert_eq!(a.gross.get(), a.fee.get() + a.net.get());
                prop_assert!(a.net.get() > 0);
            }
        }
    }
}
