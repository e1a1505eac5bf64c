//! Printable papers: the receipt (領収書) of a paid order for its buyer
//! (`GET /orders/{id}/receipt`), and a seller's monthly statements (支払明細書)
//! (`GET /sales/statements`, `GET /sales/statements/{yyyy-mm}`).
//!
//! The pages are ordinary pages of the site; their own stylesheet lays them out as a sheet of
//! paper and, when printed, leaves out the site's header, footer, navigation and forms. The
//! 「印刷する」 button only calls the browser's print command, so it is shown by a small script
//! and the pages work (and print from the browser's menu) without JavaScript. Both files are
//! separate from `app.css` and `app.js` because only these pages need them, and the Content
//! Security Policy allows no inline styles or scripts.

mod receipt;
mod statements;

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use yorozu_app::legal::Business;
use yorozu_app::paperwork::TaxBreakdown;
use yorozu_app::paperwork::statement::YearMonth;
use yorozu_domain::Yen;
use yorozu_i18n::Arg;

use crate::ctx::Ctx;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/orders/{id}/receipt", get(receipt::show))
        .route("/sales/statements", get(statements::list))
        .route("/sales/statements/{month}", get(statements::show))
        .route("/static/paperwork/print.css", get(print_css))
        .route("/static/paperwork/print.js", get(print_js))
}

async fn print_css() -> Response {
    asset(
        include_bytes!("../../../static/paperwork/print.css"),
        "text/css; charset=utf-8",
    )
}

async fn print_js() -> Response {
    asset(
        include_bytes!("../../../static/paperwork/print.js"),
        "text/javascript; charset=utf-8",
    )
}

/// An embedded file, cached like the other static assets.
fn asset(body: &'static [u8], content_type: &'static str) -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

/// An amount in the page's language: 「1,234円」 or "¥1,234".
fn yen(ctx: &Ctx, amount: Yen) -> String {
    crate::pages::discovery::yen(ctx, amount.get())
}

/// A message with one text argument, kept as typed (`Ctx::t1` would group a name such as
/// 「2026」 like a number).
fn text_message(ctx: &Ctx, key: &str, name: &str, value: &str) -> String {
    ctx.tr.tv(key, &[(name, Arg::Text(value.to_owned()))])
}

/// A month as people name it: 「2026年11月」, "November 2026".
fn month_label(ctx: &Ctx, month: YearMonth) -> String {
    ctx.tr.ta(
        "paperwork-month",
        [
            // Text, so that the year is not grouped like an amount (2,026).
            ("year", Arg::Text(month.year().to_string())),
            ("month", Arg::Number(i64::from(month.month()))),
        ],
    )
}

/// The issuer block shared by receipts and statements.
struct Issuer {
    name: String,
    address: String,
    /// 「T1234567890123」, or the sentence saying there is none.
    invoice_number: Option<String>,
}

fn issuer(business: &Business) -> Issuer {
    Issuer {
        name: business.operator_name.clone(),
        address: business.postal_address.clone(),
        invoice_number: business.invoice_number.as_ref().map(ToString::to_string),
    }
}

/// One rate's line of the tax breakdown, ready to print.
struct TaxLine {
    rate: String,
    taxable: String,
    tax: String,
}

fn tax_line(ctx: &Ctx, t: &TaxBreakdown) -> TaxLine {
    TaxLine {
        rate: ctx.t1("paperwork-tax-rate", "rate", t.rate_percent),
        taxable: yen(ctx, t.taxable),
        tax: yen(ctx, t.tax),
    }
}
