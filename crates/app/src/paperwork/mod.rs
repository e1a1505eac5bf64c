//! Paperwork (書類): a receipt (領収書) for the buyer of each paid order, and a monthly
//! statement (支払明細書) of completed sales for each seller. Both are printable pages that
//! carry the operator's name and address and, when configured, its qualified-invoice
//! registration number (適格請求書発行事業者登録番号, see [`crate::legal::InvoiceNumber`]).
//!
//! Every price on Yorozu is tax-inclusive at the standard rate of 10%. A qualified invoice
//! must state, per tax rate, the total and the consumption tax in it; the tax is computed by
//! [`included_tax`] once per document and rate (the rules allow one rounding per invoice and
//! rate, never a sum of per-line roundings).
//!
//! Dates are Japan time (UTC+9, no daylight saving): a receipt is dated on the day of payment
//! there, and a statement covers a calendar month there.

pub mod receipt;
pub mod statement;

use yorozu_domain::Yen;

/// Japan time, the zone of every date on the papers: UTC+9 all year.
pub const JST_OFFSET_SECONDS: i64 = 9 * 3_600;

/// The standard consumption-tax rate (標準税率) that every price on Yorozu includes, in percent.
pub const STANDARD_RATE_PERCENT: i64 = 10;

/// The consumption tax included in an amount at one rate (税率ごとに区分した対価の額と消費税額).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaxBreakdown {
    /// The rate in percent (10 for 10%対象).
    pub rate_percent: i64,
    /// The tax-inclusive total subject to this rate.
    pub taxable: Yen,
    /// The consumption tax included in `taxable`.
    pub tax: Yen,
}

/// The consumption tax included in a tax-inclusive `total` at the standard rate:
/// `floor(total × 10 / 110)`, rounded down (切り捨て) in the payer's favour, as is usual for
/// tax-inclusive prices. Call it once per document with that document's total.
pub fn included_tax(total: Yen) -> TaxBreakdown {
    let rate = STANDARD_RATE_PERCENT;
    // i128: no total can overflow the multiplication; div_euclid floors negative amounts too.
    let tax = (i128::from(total.get()) * i128::from(rate)).div_euclid(i128::from(100 + rate));
    TaxBreakdown {
        rate_percent: rate,
        taxable: total,
        // |tax| < |total|, so it always fits back into an i64.
        tax: Yen::new(i64::try_from(tax).unwrap_or_default()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tax(total: i64) -> i64 {
        included_tax(Yen::new(total)).tax.get()
    }

    #[test]
    fn included_tax_is_a_tenth_of_the_net_rounded_down() {
        assert_eq!(tax(0), 0);
        assert_eq!(tax(110), 10);
        assert_eq!(tax(1_100), 100);
        // ¥3,165 = ¥2,877.27… + ¥287.72… → ¥287.
        assert_eq!(tax(3_165), 287);
        assert_eq!(tax(10), 0);
        assert_eq!(tax(11), 1);
        assert_eq!(tax(109), 9);
        assert_eq!(tax(i64::MAX), i64::MAX / 11);
        let b = included_tax(Yen::new(660));
        assert_eq!(
            (b.rate_percent, b.taxable, b.tax),
            (10, Yen::new(660), Yen::new(60))
        );
    }

    #[test]
    fn one_rounding_per_document_not_per_line() {
        // Three ¥105 lines: per-line rounding would give 3 × ¥9 = ¥27; the document's ¥315
        // includes ¥28.
        assert_eq!(3 * tax(105), 27);
        assert_eq!(tax(315), 28);
    }
}
