//! The seller's side of payouts (売上金・振込申請): the sales page (`GET /sales`) with the
//! balance, each sale and its deadline, the payout requests and a chart of monthly earnings;
//! the payout confirmation and request (`/sales/payout`); and the bank account that payouts
//! go to (`/settings/bank`, one of the settings pages). Every page shows only the signed-in
//! member's own data: the use cases take the member, never an id from the request.
//!
//! The chart's stylesheet is separate from `app.css` because only the sales page needs it.

mod analytics;
mod bank;
mod chart;
pub(crate) mod hints;
mod overview;
mod payout;

use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use yorozu_app::payouts::PayoutRequest;
use yorozu_app::payouts::bank::BankAccountView;
use yorozu_app::payouts::sales::SalesPage;
use yorozu_domain::payouts::PayoutStatus;
use yorozu_domain::payouts::schedule::{Date, FeeRule, PayoutAmounts, PayoutError};
use yorozu_domain::{ErrorCode, Yen};
use yorozu_i18n::Arg;

use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::state::AppState;

const SALES: &str = "/sales";
const PAYOUT: &str = "/sales/payout";
const BANK: &str = "/settings/bank";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(SALES, get(overview::show))
        .route("/sales/analytics", get(analytics::overview))
        .route("/sales/analytics/services/{id}", get(analytics::service))
        .route("/sales/hints", get(hints::overview))
        .route("/sales/hints/services/{id}", get(hints::service))
        .route("/sales/categories/{*path}", get(hints::category_page))
        .route(PAYOUT, get(payout::confirm).post(payout::request))
        .route(BANK, get(bank::show).post(bank::save))
        .route("/settings/bank/delete", post(bank::remove))
        .route("/static/sales/sales.css", get(stylesheet))
}

async fn stylesheet() -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_bytes!("../../../static/sales/sales.css").as_slice(),
    )
        .into_response()
}

/// Pages with balances and bank details: browsers and proxies must not keep a copy.
fn no_store(response: PageResult) -> PageResult {
    let mut response = response?;
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// An amount in the page's language: 「1,234円」 or "¥1,234".
fn yen(ctx: &Ctx, amount: Yen) -> String {
    crate::pages::discovery::yen(ctx, amount.get())
}

/// A calendar date as the page's language writes dates.
fn date_label(ctx: &Ctx, date: Date) -> String {
    ctx.date(&date.start_in_japan().unix())
}

/// A stored transfer date (YYYY-MM-DD) as the page's language writes dates.
fn iso_date_label(ctx: &Ctx, iso: &str) -> String {
    Date::parse_iso(iso).map_or_else(|| iso.to_owned(), |d| date_label(ctx, d))
}

/// The state of a payout request: 申請中, 処理中, 振込済み or 失敗.
fn request_status_label(ctx: &Ctx, status: PayoutStatus) -> String {
    let key = format!("sales-request-status-{status}");
    if ctx.tr.has(&key) {
        ctx.t(&key)
    } else {
        status.as_str().to_owned()
    }
}

/// The transfer fee rule in words, from the configured rule.
fn fee_rule_text(ctx: &Ctx, rule: FeeRule) -> String {
    ctx.tr.ta(
        "sales-fee-rule",
        [
            ("fee", Arg::Number(rule.fee.get())),
            ("free_from", Arg::Number(rule.free_from.get())),
        ],
    )
}

/// Why a payout cannot be requested right now, in the order the use case checks.
#[derive(Debug)]
enum Blocker<'a> {
    NoAccount,
    InvalidAccount,
    /// The account was registered or changed recently: payouts wait until `until`.
    Held {
        until: i64,
        hours: i64,
    },
    InFlight(&'a PayoutRequest),
    /// The fee rule refuses the payout (the balance does not exceed the fee).
    Refused(PayoutError),
}

/// What a payout of the whole balance would be, or why there can be none. The use case
/// checks the same again when the request is sent (and is the one that decides); this only
/// decides what the pages offer.
fn payout_outlook<'a>(
    page: &'a SalesPage,
    account: Option<&BankAccountView>,
    rule: FeeRule,
    hold_hours: i64,
) -> Result<PayoutAmounts, Blocker<'a>> {
    let Some(account) = account else {
        return Err(Blocker::NoAccount);
    };
    if account.invalid_reason.is_some() {
        return Err(Blocker::InvalidAccount);
    }
    if let Some(until) = account.held_until {
        return Err(Blocker::Held {
            until,
            hours: hold_hours,
        });
    }
    if let Some(row) = &page.in_flight {
        return Err(Blocker::InFlight(row));
    }
    rule.payout(page.available).map_err(Blocker::Refused)
}

/// A blocker for people: the sentence, and where to fix it when a page can.
struct BlockerView {
    text: String,
    link: Option<(&'static str, String)>,
}

impl BlockerView {
    fn new(ctx: &Ctx, blocker: &Blocker<'_>) -> BlockerView {
        match blocker {
            Blocker::NoAccount => BlockerView {
                text: ctx.t("payout-no-bank-account"),
                link: Some((BANK, ctx.t("sales-register-bank"))),
            },
            Blocker::InvalidAccount => BlockerView {
                text: ctx.t("payout-bank-account-invalid"),
                link: Some((BANK, ctx.t("sales-fix-bank"))),
            },
            Blocker::Held { until, hours } => BlockerView {
                text: ctx.tr.ta(
                    "sales-bank-held",
                    [
                        ("hours", Arg::Number(*hours)),
                        ("until", Arg::from(ctx.datetime(until))),
                    ],
                ),
                link: None,
            },
            Blocker::InFlight(row) => BlockerView {
                text: ctx.tr.ta(
                    "sales-in-flight",
                    [
                        ("status", Arg::from(request_status_label(ctx, row.status))),
                        ("requested", Arg::from(ctx.date(&row.requested_at))),
                        ("date", Arg::from(iso_date_label(ctx, &row.transfer_date))),
                        ("net", Arg::from(yen(ctx, row.net))),
                    ],
                ),
                link: None,
            },
            Blocker::Refused(e) => BlockerView {
                text: ctx.tr.tv(e.code(), &e.args()),
                link: None,
            },
        }
    }
}
