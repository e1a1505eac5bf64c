//! The withdrawal page (`GET /settings/withdrawal`): the readiness check and the written-review
//! preview, every text in the reader's language.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use yorozu_app::withdrawal::preview;
use yorozu_app::withdrawal::readiness::{self, BlockerLine, Readiness};
use yorozu_domain::orders::OrderState;
use yorozu_domain::withdrawal::{BlockerKind, DataCategory, Fate};
use yorozu_i18n::Arg;

use super::fate_key;
use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::pages::discovery::count_arg;
use crate::pages::discovery::reviews::ReviewItem;
use crate::pages::settings::signed_in;
use crate::render::page;
use crate::state::AppState;

/// One blocker, in words.
struct BlockerItem {
    /// 「購入中の取引」, 「振込前の振込申請」 ...
    kind: String,
    /// Where to resolve it, and the link's text (the service's title for orders).
    href: String,
    link: String,
    /// 「状態: 作業中」.
    state: String,
    /// 「2026年5月1日 12:00に自動的に解消されます」, or who needs to act.
    clears: String,
}

impl BlockerItem {
    fn new(ctx: &Ctx, line: &BlockerLine) -> BlockerItem {
        let b = &line.blocker;
        let state = match b.kind {
            BlockerKind::PayoutRequest => {
                label_or_raw(ctx, &format!("sales-request-status-{}", b.state), &b.state)
            }
            _ => OrderState::parse(&b.state)
                .map(|s| ctx.t(&format!("orders-state-{}", s.as_str())))
                .unwrap_or_else(|_| b.state.clone()),
        };
        let link = if line.title.is_empty() {
            ctx.t("withdrawal-blocker-payout-link")
        } else {
            line.title.clone()
        };
        let clears = match (b.clears_at, b.kind) {
            (Some(at), _) => ctx.t1(
                "withdrawal-blocker-clears",
                "date",
                ctx.datetime(&at.unix()),
            ),
            // A sale in progress waits for the member themselves: the delivery is theirs to make.
            (None, BlockerKind::Sale) => ctx.t("withdrawal-blocker-needs-you"),
            (None, _) => ctx.t("withdrawal-blocker-needs-action"),
        };
        BlockerItem {
            kind: ctx.t(&format!("withdrawal-blocker-{}", b.kind.key())),
            href: line.path.clone(),
            link,
            state: ctx.t1("withdrawal-blocker-state", "state", state),
            clears,
        }
    }
}

fn label_or_raw(ctx: &Ctx, key: &str, raw: &str) -> String {
    if ctx.tr.has(key) {
        ctx.t(key)
    } else {
        raw.to_owned()
    }
}

/// One row of the data table.
struct DataRow {
    name: String,
    fate: String,
    why: String,
}

impl DataRow {
    fn new(ctx: &Ctx, category: DataCategory) -> DataRow {
        let key = category.key();
        let fate = category.fate();
        let args: Vec<(&str, Arg)> = match fate {
            Fate::Kept { years: Some(years) } => vec![("years", Arg::from(years))],
            _ => vec![],
        };
        DataRow {
            name: ctx.t(&format!("data-{key}-name")),
            fate: ctx
                .tr
                .tv(&format!("data-{key}-fate-{}", fate_key(fate)), &args),
            why: ctx.tr.tv(&format!("data-{key}-why"), &args),
        }
    }
}

#[derive(Template)]
#[template(path = "settings_withdrawal.html")]
struct WithdrawalPage<'a> {
    ctx: &'a Ctx,
    section: &'static str,
    ready: bool,
    /// 「次のN件が終わるまでは退会できません。」 (empty when ready).
    not_ready: String,
    blockers: Vec<BlockerItem>,
    /// When every blocker clears by itself: the sentence with the date the last one clears.
    clears_by_itself: Option<String>,
    unpaid_sales: Option<String>,
    sales_balance: String,
    /// Whether a payout request could still save the balance.
    has_sales_balance: bool,
    points: String,
    data: Vec<DataRow>,
    /// The newest review the member wrote, as it will look (none or one: `_reviews.html` takes
    /// a list).
    reviews: Vec<ReviewItem>,
}

pub(super) async fn show(State(state): State<AppState>, ctx: Ctx) -> PageResult {
    let user = signed_in!(ctx);
    let r: Readiness = readiness::check(&state.app, user).await?;
    let review = preview::written_review(&state.app, user).await?;
    let count = r.blockers.len();
    let mut response = page(&WithdrawalPage {
        ctx: &ctx,
        section: "withdrawal",
        ready: r.is_ready(),
        not_ready: ctx.t1("withdrawal-not-ready", "count", count),
        blockers: r
            .blockers
            .iter()
            .map(|b| BlockerItem::new(&ctx, b))
            .collect(),
        clears_by_itself: r.clears_by_itself_at().map(|at| {
            ctx.t1(
                "withdrawal-clears-by-itself",
                "date",
                ctx.datetime(&at.unix()),
            )
        }),
        unpaid_sales: (r.unpaid_sales_to_cancel > 0)
            .then(|| ctx.t1("withdrawal-unpaid-sales", "count", r.unpaid_sales_to_cancel)),
        sales_balance: crate::pages::discovery::yen(&ctx, r.forfeits.sales_balance),
        has_sales_balance: r.forfeits.sales_balance > 0,
        points: ctx.tr.ta(
            "withdrawal-forfeit-points-value",
            [("points", count_arg(r.forfeits.points))],
        ),
        data: r.data.iter().map(|c| DataRow::new(&ctx, *c)).collect(),
        reviews: review
            .map(|v| ReviewItem::new(&ctx, v, true))
            .into_iter()
            .collect(),
    })?;
    // Balances and open orders: browsers and proxies must not keep a copy.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}
