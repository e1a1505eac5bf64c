//! The receipt (領収書) of one paid order, for its buyer only.
//!
//! It exists once the order is paid and stays afterwards: a cancelled order's receipt is
//! marked 取消 and shows the refund, so that the buyer's records can be corrected rather than
//! silently lose a document. Unpaid and expired orders have none. Everyone but the buyer,
//! the seller included, gets "not found", so that receipt URLs reveal nothing.

use yorozu_domain::OrderId;
use yorozu_domain::Yen;
use yorozu_domain::orders::{DisputeDecision, OrderState, PaymentMethod};
use yorozu_store::orders::{disputes, rows};

use super::{TaxBreakdown, included_tax};
use crate::accounts::CurrentUser;
use crate::legal::Business;
use crate::orders::domain_order;
use crate::orders::view::names;
use crate::{App, AppError, AppResult};

/// How long a 宛名 may be, in characters.
pub const ADDRESSEE_MAX_CHARS: usize = 50;

/// The name a receipt is made out to (宛名) when the buyer asks for another than their display
/// name, e.g. their company: trimmed, at most [`ADDRESSEE_MAX_CHARS`] characters, one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Addressee(String);

impl Addressee {
    /// Parses the requested name; blank means "use my display name" (`None`).
    pub fn parse(input: &str) -> AppResult<Option<Addressee>> {
        let name = input.trim();
        if name.is_empty() {
            return Ok(None);
        }
        if name.chars().count() > ADDRESSEE_MAX_CHARS {
            return Err(AppError::Invalid(vec![
                crate::FieldError::new("name", "paperwork-addressee-too-long")
                    .with("max", ADDRESSEE_MAX_CHARS),
            ]));
        }
        if name.chars().any(char::is_control) {
            return Err(AppError::invalid("name", "paperwork-addressee-invalid"));
        }
        Ok(Some(Addressee(name.to_owned())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An option bought with the service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptOption {
    pub title: String,
    pub price: Yen,
}

/// A paid addition (追加オプション) bought during the order: its own line, its fee counted in
/// the receipt's service fee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptAddition {
    pub title: String,
    pub price: Yen,
    pub buyer_fee: Yen,
}

/// A tip (おひねり) sent after completion: its own line, its fee counted in the receipt's
/// service fee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptTip {
    pub amount: Yen,
    pub buyer_fee: Yen,
    pub sent_at: i64,
}

/// A cancelled order's receipt: when, and what went back to the buyer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReceiptCancellation {
    pub cancelled_at: i64,
    /// The payment returned (card refund); points and coupon are restored separately.
    pub refund: Yen,
}

/// A dispute decided with a partial refund: the order completed on what the buyer kept paying.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReceiptPartialRefund {
    pub refunded_at: i64,
    /// The payment returned.
    pub refund: Yen,
    /// What the buyer paid in the end: the amount this receipt is for.
    pub kept: Yen,
}

/// A receipt as printed.
#[derive(Debug, Clone)]
pub struct Receipt {
    /// The receipt number: the order id.
    pub number: OrderId,
    /// The issue date: when the order was paid (unix seconds; shown as a Japan-time date).
    pub issued_at: i64,
    /// 宛名: the buyer's display name, or the name they asked for.
    pub addressee: String,
    /// Whether `addressee` is the name the buyer asked for rather than their display name.
    pub custom_addressee: bool,
    /// 但し書き: the service bought.
    pub service_title: String,
    /// The service's own price, without options.
    pub price: Yen,
    pub options: Vec<ReceiptOption>,
    /// Paid additions, each on its own line.
    pub additions: Vec<ReceiptAddition>,
    /// Tips sent after completion, each on its own line.
    pub tips: Vec<ReceiptTip>,
    /// Price, options, paid additions and tips.
    pub subtotal: Yen,
    /// サービス利用料.
    pub buyer_fee: Yen,
    pub points_used: Yen,
    pub coupon_discount: Yen,
    /// What the buyer paid (points and coupon deducted): the amount received.
    pub total: Yen,
    /// The consumption tax in `total`: points and coupons are discounts given by the
    /// platform, so only what was paid is consideration subject to tax.
    pub tax: TaxBreakdown,
    pub payment_method: PaymentMethod,
    pub cancellation: Option<ReceiptCancellation>,
    /// Part of the payment went back after a dispute; `tax` is then the tax in what was kept.
    pub partial_refund: Option<ReceiptPartialRefund>,
    /// Who issues it: the operator, with its registration number if it has one.
    pub issuer: Business,
}

/// The receipt of `order_id` for its buyer, made out to `addressee` or, without one, to the
/// buyer's display name.
pub async fn receipt(
    app: &App,
    member: &CurrentUser,
    order_id: OrderId,
    addressee: Option<&Addressee>,
) -> AppResult<Receipt> {
    let mut c = app.db.read().await?;
    let order = rows::find(&mut c, order_id)
        .await?
        .filter(|o| o.buyer_id == member.id)
        .ok_or(AppError::NotFound)?;
    // Only a payment makes a receipt: orders awaiting payment, expired ones and orders
    // cancelled before payment have never been paid.
    let paid_at = order.paid_at.ok_or(AppError::NotFound)?;
    let options = rows::options(&mut c, order_id).await?;
    let additions: Vec<ReceiptAddition> =
        yorozu_store::orders::changes::paid_additions(&mut c, order_id)
            .await?
            .into_iter()
            .map(|a| ReceiptAddition {
                title: a.title,
                price: a.price,
                buyer_fee: a.buyer_fee,
            })
            .collect();
    let tips: Vec<ReceiptTip> = yorozu_store::orders::tips::for_order(&mut c, order_id)
        .await?
        .into_iter()
        .map(|t| ReceiptTip {
            amount: t.amount,
            buyer_fee: t.buyer_fee,
            sent_at: t.created_at,
        })
        .collect();
    let added = additions
        .iter()
        .map(|a| (a.price.get(), a.buyer_fee.get()))
        .chain(tips.iter().map(|t| (t.amount.get(), t.buyer_fee.get())))
        .fold((0, 0), |(price, fee), (p, f)| (price + p, fee + f));
    let total = Yen::new(order.buyer_total.get() + added.0 + added.1);
    let partial_refund = partial_refund(&mut c, &order, total).await?;
    let display_name = match addressee {
        Some(_) => String::new(),
        None => names(&mut c, &[member.id])
            .await?
            .remove(&member.id)
            .unwrap_or_default(),
    };
    drop(c);

    let state = domain_order(&order)?.state();
    let cancellation = (state == OrderState::Cancelled).then(|| ReceiptCancellation {
        cancelled_at: order.cancelled_at.unwrap_or(order.updated_at),
        refund: total,
    });
    let options: Vec<ReceiptOption> = options
        .into_iter()
        .map(|o| ReceiptOption {
            title: o.title,
            price: o.price,
        })
        .collect();
    let options_total: i64 = options.iter().map(|o| o.price.get()).sum();
    Ok(Receipt {
        number: order.id,
        issued_at: paid_at,
        addressee: addressee.map_or(display_name, |a| a.as_str().to_owned()),
        custom_addressee: addressee.is_some(),
        service_title: order.listing_title,
        price: Yen::new(order.subtotal.get() - options_total),
        options,
        additions,
        tips,
        subtotal: Yen::new(order.subtotal.get() + added.0),
        buyer_fee: Yen::new(order.buyer_fee.get() + added.1),
        points_used: Yen::new(order.points_used),
        coupon_discount: order.coupon_discount,
        total,
        tax: included_tax(partial_refund.map_or(total, |p| p.kept)),
        payment_method: order.payment_method,
        cancellation,
        partial_refund,
        issuer: app.site.business.clone(),
    })
}

/// The partial refund an operator decided on the order's dispute, if any.
async fn partial_refund(
    c: &mut impl yorozu_store::Exec,
    order: &rows::OrderRow,
    paid: Yen,
) -> AppResult<Option<ReceiptPartialRefund>> {
    let decided = disputes::latest(c, order.id).await?.filter(|d| {
        d.status == disputes::DECIDED && d.decision == Some(DisputeDecision::PartialRefund)
    });
    Ok(decided.and_then(|d| {
        let refund = d.refund_amount?;
        Some(ReceiptPartialRefund {
            refunded_at: d.decided_at.unwrap_or(order.updated_at),
            refund: Yen::new(refund),
            kept: Yen::new(paid.get() - refund),
        })
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addressees_are_trimmed_and_limited_to_50_characters() {
        assert_eq!(Addressee::parse("   ").ok(), Some(None));
        let name = Addressee::parse(" 株式会社テスト ").ok().flatten();
        assert_eq!(name.as_ref().map(Addressee::as_str), Some("株式会社テスト"));
        assert!(Addressee::parse(&"あ".repeat(50)).is_ok());
        match Addressee::parse(&"あ".repeat(51)) {
            Err(AppError::Invalid(errors)) => {
                assert_eq!(errors[0].code, "paperwork-addressee-too-long");
                assert_eq!(
                    errors[0].args,
                    vec![("max", yorozu_domain::Arg::Number(50))]
                );
            }
            other => panic!("expected a field error, got {other:?}"),
        }
        assert!(matches!(
            Addressee::parse("株式会社\nテスト"),
            Err(AppError::Invalid(_))
        ));
    }
}
