//! The receipt page (`GET /orders/{id}/receipt?name=…`), for the buyer of a paid order only;
//! `name` makes it out to another addressee (宛名), e.g. the buyer's company.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use yorozu_app::paperwork::receipt::{self, ADDRESSEE_MAX_CHARS, Addressee, Receipt};
use yorozu_domain::OrderId;

use super::{Issuer, TaxLine, issuer, tax_line, text_message, yen};
use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult, form_or_page};
use crate::pages::extract::{PathId, SignedIn};
use crate::render::page_with_status;
use crate::state::AppState;

#[derive(Deserialize, Default)]
pub(super) struct ReceiptQuery {
    #[serde(default)]
    name: String,
}

/// A label and an amount of the breakdown.
struct Line {
    label: String,
    value: String,
    total: bool,
}

#[derive(Template)]
#[template(path = "paperwork_receipt.html")]
struct ReceiptPage<'a> {
    ctx: &'a Ctx,
    number: OrderId,
    issued: String,
    addressee: String,
    amount: String,
    purpose: String,
    lines: Vec<Line>,
    tax: TaxLine,
    payment_method: String,
    /// The 取消 note of a cancelled order.
    cancelled: Option<String>,
    /// The note of a partial refund after a dispute.
    partially_refunded: Option<String>,
    issuer: Issuer,
    /// What the 宛名 field holds: the name asked for, even when refused.
    typed_name: String,
    addressee_hint: String,
    addressee_max: usize,
    errors: FormErrors,
}

pub(super) async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<OrderId>,
    query: Result<Query<ReceiptQuery>, QueryRejection>,
) -> PageResult {
    let typed_name = query.map(|Query(q)| q.name).unwrap_or_default();
    // A refused name shows the receipt with the buyer's own name and the field's message.
    let (addressee, status, errors) = match Addressee::parse(&typed_name) {
        Ok(addressee) => (addressee, StatusCode::OK, FormErrors::default()),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            (None, status, errors)
        }
    };
    let r = receipt::receipt(&state.app, user, id, addressee.as_ref()).await?;
    page_with_status(
        status,
        &ReceiptPage {
            ctx: &ctx,
            number: r.number,
            issued: ctx.date(&r.issued_at),
            addressee: text_message(&ctx, "paperwork-addressee", "name", &r.addressee),
            amount: yen(&ctx, r.partial_refund.map_or(r.total, |p| p.kept)),
            purpose: text_message(&ctx, "paperwork-receipt-for", "title", &r.service_title),
            lines: lines(&ctx, &r),
            tax: tax_line(&ctx, &r.tax),
            payment_method: ctx.t(&format!("paperwork-payment-{}", r.payment_method.as_str())),
            cancelled: r.cancellation.map(|c| {
                ctx.tr.ta(
                    "paperwork-receipt-cancelled",
                    [
                        ("date", ctx.date(&c.cancelled_at).into()),
                        ("refund", yen(&ctx, c.refund).into()),
                    ],
                )
            }),
            partially_refunded: r.partial_refund.map(|p| {
                ctx.tr.ta(
                    "paperwork-receipt-partially-refunded",
                    [
                        ("date", ctx.date(&p.refunded_at).into()),
                        ("refund", yen(&ctx, p.refund).into()),
                        ("kept", yen(&ctx, p.kept).into()),
                    ],
                )
            }),
            issuer: issuer(&r.issuer),
            typed_name,
            addressee_hint: ctx.t1("paperwork-addressee-hint", "max", ADDRESSEE_MAX_CHARS),
            addressee_max: ADDRESSEE_MAX_CHARS,
            errors,
        },
    )
}

/// The breakdown: the service, its options, the fee, the discounts and the total paid.
fn lines(ctx: &Ctx, r: &Receipt) -> Vec<Line> {
    let line = |label: String, value: String| Line {
        label,
        value,
        total: false,
    };
    let mut out = vec![line(ctx.t("paperwork-receipt-price"), yen(ctx, r.price))];
    for o in &r.options {
        out.push(line(
            text_message(ctx, "paperwork-receipt-option", "title", &o.title),
            yen(ctx, o.price),
        ));
    }
    for a in &r.additions {
        out.push(line(
            text_message(ctx, "paperwork-receipt-addition", "title", &a.title),
            yen(ctx, a.price),
        ));
    }
    for t in &r.tips {
        out.push(line(
            ctx.t1("paperwork-receipt-tip", "date", ctx.date(&t.sent_at)),
            yen(ctx, t.amount),
        ));
    }
    out.push(line(ctx.t("paperwork-receipt-fee"), yen(ctx, r.buyer_fee)));
    if r.points_used.get() > 0 {
        out.push(line(
            ctx.t("paperwork-receipt-points"),
            crate::pages::discovery::yen(ctx, -r.points_used.get()),
        ));
    }
    if r.coupon_discount.get() > 0 {
        out.push(line(
            ctx.t("paperwork-receipt-coupon"),
            crate::pages::discovery::yen(ctx, -r.coupon_discount.get()),
        ));
    }
    out.push(Line {
        label: ctx.t("paperwork-receipt-total"),
        value: yen(ctx, r.total),
        total: r.partial_refund.is_none(),
    });
    if let Some(p) = r.partial_refund {
        out.push(line(
            ctx.t("paperwork-receipt-partial-refund"),
            crate::pages::discovery::yen(ctx, -p.refund.get()),
        ));
        out.push(Line {
            label: ctx.t("paperwork-receipt-kept"),
            value: yen(ctx, p.kept),
            total: true,
        });
    }
    out
}
