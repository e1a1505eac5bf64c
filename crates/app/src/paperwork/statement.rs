//! A seller's monthly statement (支払明細書 / 売上明細): what was credited in one calendar month
//! in Japan time — the orders completed, each with its paid additions (追加オプション), and the
//! tips (おひねり) received — each with its price, the 販売手数料 and what the seller was
//! credited, and the month's totals with the consumption tax included in the fees.
//!
//! Sales and additions count in the month their order completed, tips in the month they were
//! paid, since that is when each is credited to the seller's balance. The fee is the platform's charge to the seller, so the statement is
//! the platform's invoice for it and states its tax, computed once on the month's total.

use std::fmt;

use time::{Date, Month, OffsetDateTime, UtcOffset};
use yorozu_domain::orders::OrderState;
use yorozu_domain::{OrderId, Yen};
use yorozu_store::orders::paperwork;

use super::{JST_OFFSET_SECONDS, TaxBreakdown, included_tax};
use crate::accounts::CurrentUser;
use crate::legal::Business;
use crate::orders::view::names;
use crate::{App, AppError, AppResult};

/// A calendar month in Japan time, e.g. 2026-11; its bounds are Japan-time midnights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: i32,
    month: u8,
}

impl YearMonth {
    /// The month, if `year` is between 1970 and 9999 and `month` between 1 and 12.
    pub fn new(year: i32, month: u8) -> Option<YearMonth> {
        ((1970..=9999).contains(&year) && (1..=12).contains(&month))
            .then_some(YearMonth { year, month })
    }

    /// Reads `yyyy-mm` (as in `/sales/statements/2026-11`).
    pub fn parse(s: &str) -> Option<YearMonth> {
        let (year, month) = s.split_once('-')?;
        if year.len() != 4 || month.len() != 2 {
            return None;
        }
        if !year
            .bytes()
            .chain(month.bytes())
            .all(|b| b.is_ascii_digit())
        {
            return None;
        }
        YearMonth::new(year.parse().ok()?, month.parse().ok()?)
    }

    /// The month that contains `unix` in Japan time.
    pub fn containing(unix: i64) -> YearMonth {
        let local = OffsetDateTime::from_unix_timestamp(unix.saturating_add(JST_OFFSET_SECONDS))
            .unwrap_or(OffsetDateTime::UNIX_EPOCH);
        YearMonth::new(local.year(), u8::from(local.month())).unwrap_or(YearMonth {
            year: 1970,
            month: 1,
        })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    /// The month after this one.
    pub fn next(self) -> YearMonth {
        if self.month == 12 {
            YearMonth {
                year: self.year + 1,
                month: 1,
            }
        } else {
            YearMonth {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// The first second of the month: its first day's midnight in Japan time (unix seconds).
    pub fn start(self) -> i64 {
        let offset =
            UtcOffset::from_whole_seconds(JST_OFFSET_SECONDS as i32).unwrap_or(UtcOffset::UTC);
        Month::try_from(self.month)
            .ok()
            .and_then(|m| Date::from_calendar_date(self.year, m, 1).ok())
            .map_or(0, |d| d.midnight().assume_offset(offset).unix_timestamp())
    }

    /// The first second after the month (the next month's start).
    pub fn end(self) -> i64 {
        self.next().start()
    }
}

/// `2026-11`.
impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// What a statement line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    /// The order's sale: the service and its chosen options.
    Sale,
    /// A paid addition (追加オプション) of the order, with its title.
    Addition(String),
    /// A tip (おひねり) the buyer sent after completion.
    Tip,
}

/// One credited amount on a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementLine {
    pub order_id: OrderId,
    pub kind: LineKind,
    pub service_title: String,
    /// When it was credited: the order's completion, or the tip's payment.
    pub completed_at: i64,
    /// The price of the sale, the addition or the tip.
    pub price: Yen,
    /// 販売手数料, tax included.
    pub platform_fee: Yen,
    /// Credited to the seller.
    pub seller_share: Yen,
}

/// A seller's statement for one month.
#[derive(Debug, Clone)]
pub struct Statement {
    pub month: YearMonth,
    /// Whom it is made out to: the seller's display name.
    pub seller_name: String,
    pub lines: Vec<StatementLine>,
    pub sales_total: Yen,
    /// The month's fees, with the consumption tax they include (10%対象).
    pub fee_total: TaxBreakdown,
    pub share_total: Yen,
    /// The month is over, so no more sales can join it; until then the statement is
    /// provisional.
    pub closed: bool,
    /// When this statement was made (now).
    pub issued_at: i64,
    /// Who issues it: the operator, with its registration number if it has one.
    pub issuer: Business,
    /// Every month with credited sales or tips, newest first (for moving between statements).
    pub months: Vec<YearMonth>,
}

/// The months in which `member` completed sales, newest first.
pub async fn months(app: &App, member: &CurrentUser) -> AppResult<Vec<YearMonth>> {
    let mut c = app.db.read().await?;
    let days = paperwork::completed_sale_days(
        &mut c,
        member.id,
        OrderState::Completed,
        JST_OFFSET_SECONDS,
    )
    .await?;
    // Local day numbers, newest first: a day's midnight in UTC has the local calendar date.
    let mut months: Vec<YearMonth> = Vec::new();
    for day in days {
        let month = YearMonth::containing(day.saturating_mul(86_400) - JST_OFFSET_SECONDS);
        if months.last() != Some(&month) {
            months.push(month);
        }
    }
    Ok(months)
}

/// `member`'s statement for `month`. A month without sales gives an empty statement; one that
/// has not begun has none.
pub async fn statement(app: &App, member: &CurrentUser, month: YearMonth) -> AppResult<Statement> {
    let now = app.now();
    if month.start() > now {
        return Err(AppError::NotFound);
    }
    let mut c = app.db.read().await?;
    let rows = paperwork::completed_sales(
        &mut c,
        member.id,
        OrderState::Completed,
        month.start(),
        month.end(),
    )
    .await?;
    let seller_name = names(&mut c, &[member.id])
        .await?
        .remove(&member.id)
        .unwrap_or_default();
    drop(c);
    let months = months(app, member).await?;

    let lines: Vec<StatementLine> = rows
        .into_iter()
        .map(|r| StatementLine {
            order_id: r.id,
            kind: match r.kind.as_str() {
                "addition" => LineKind::Addition(r.detail),
                "tip" => LineKind::Tip,
                _ => LineKind::Sale,
            },
            service_title: r.listing_title,
            completed_at: r.completed_at,
            price: r.subtotal,
            platform_fee: r.platform_fee,
            seller_share: r.seller_share,
        })
        .collect();
    let sum =
        |amount: fn(&StatementLine) -> Yen| Yen::new(lines.iter().map(|l| amount(l).get()).sum());
    Ok(Statement {
        month,
        seller_name,
        sales_total: sum(|l| l.price),
        fee_total: included_tax(sum(|l| l.platform_fee)),
        share_total: sum(|l| l.seller_share),
        lines,
        closed: now >= month.end(),
        issued_at: now,
        issuer: app.site.business.clone(),
        months,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_parse_and_print_as_yyyy_mm() {
        let m = YearMonth::parse("2026-11").expect("valid");
        assert_eq!((m.year(), m.month()), (2026, 11));
        assert_eq!(m.to_string(), "2026-11");
        for bad in [
            "2026-13",
            "2026-00",
            "2026-1",
            "26-11",
            "2026/11",
            "２０２６-１１",
            "1969-12",
            "+202-11",
        ] {
            assert_eq!(YearMonth::parse(bad), None, "{bad}");
        }
        assert_eq!(
            YearMonth::parse("2026-12").map(YearMonth::next),
            YearMonth::new(2027, 1)
        );
    }

    #[test]
    fn months_start_at_midnight_in_japan() {
        let nov = YearMonth::new(2026, 11).expect("valid");
        // 2026-11-01 00:00 JST = 2026-10-31 15:00 UTC.
        assert_eq!(nov.start(), 1_793_458_800);
        // 2026-12-01 00:00 JST = 2026-11-30 15:00 UTC.
        assert_eq!(nov.end(), 1_796_050_800);
        assert_eq!(YearMonth::containing(nov.start()), nov);
        assert_eq!(YearMonth::containing(nov.start() - 1).month(), 10);
        assert_eq!(YearMonth::containing(nov.end() - 1), nov);
        assert_eq!(YearMonth::containing(nov.end()).month(), 12);
        // 2026-10-31 15:30 UTC is 2026-11-01 00:30 in Japan.
        assert_eq!(YearMonth::containing(1_793_460_600), nov);
    }
}
