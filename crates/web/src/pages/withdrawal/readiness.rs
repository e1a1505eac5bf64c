//! The withdrawal page (`GET /settings/withdrawal`): the readiness check, the written-review
//! preview and the confirmation form (or the scheduled withdrawal), every text in the reader's
//! language. The confirmation handlers render the same page again when something needs
//! correcting.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use yorozu_app::accounts::CurrentUser;
use yorozu_app::withdrawal::hints::{self, HintsSummary};
use yorozu_app::withdrawal::readiness::{self, BlockerLine, Forfeits, Readiness};
use yorozu_app::withdrawal::receipt::{DataLine, data_lines};
use yorozu_app::withdrawal::{preview, schedule};
use yorozu_domain::orders::OrderState;
use yorozu_domain::withdrawal::reason::MAX_COMMENT_CHARS;
use yorozu_domain::withdrawal::{BlockerKind, ReasonChoice};

use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult};
use crate::pages::discovery::reviews::ReviewItem;
use crate::pages::discovery::{count_arg, yen};
use crate::pages::extract::SignedIn;
use crate::pages::sales::hints::{hint_count, hint_items, hints_href};
use crate::render::page_with_status;
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

/// What the member sent with the form, shown again when it needs correcting (never the
/// password).
#[derive(Debug, Clone, Default)]
pub(super) struct Entered {
    /// Ticked reason keys.
    pub reasons: Vec<String>,
    pub comment: String,
    /// The amounts whose boxes were ticked (0 where none was).
    pub acknowledged: Forfeits,
    pub erase_now: bool,
}

/// One reason checkbox.
struct ReasonOption {
    key: &'static str,
    label: String,
    checked: bool,
}

/// One acknowledgement checkbox: the exact amount is both the label and the value sent, so
/// the use case can tell whether the member saw the amount that would be forfeited now.
struct Acknowledgement {
    value: i64,
    label: String,
    checked: bool,
}

impl Acknowledgement {
    /// The checkbox for `amount`, if there is anything to forfeit.
    fn new(amount: i64, acknowledged: i64, label: impl FnOnce() -> String) -> Option<Self> {
        (amount > 0).then(|| Acknowledgement {
            value: amount,
            label: label(),
            // Ticked again only when it was ticked for the amount that is still current.
            checked: acknowledged == amount,
        })
    }
}

#[derive(Template)]
#[template(path = "settings_withdrawal.html")]
struct WithdrawalPage<'a> {
    ctx: &'a Ctx,
    section: &'static str,
    /// Two-step sign-in is on: the form asks for a code with the password.
    two_step_on: bool,
    ready: bool,
    /// 「次のN件が終わるまでは退会できません。」 (empty when ready).
    not_ready: String,
    blockers: Vec<BlockerItem>,
    /// When every blocker clears by itself: the sentence with the date the last one clears.
    clears_by_itself: Option<String>,
    unpaid_sales: Option<String>,
    /// Open custom offers that closing the account withdraws.
    open_offers: Option<String>,
    sales_balance: String,
    /// Whether a payout request could still save the balance.
    has_sales_balance: bool,
    points: String,
    data: Vec<DataLine>,
    /// The newest review the member wrote, as it will look (none or one: `_reviews.html` takes
    /// a list).
    reviews: Vec<ReviewItem>,
    /// 「退会を予約中です（受付日時: …）」 when a withdrawal is scheduled; the form is not shown.
    scheduled: Option<String>,
    /// A sale in progress blocks: completing it grows the balance and calls a schedule off.
    has_sale_blocker: bool,
    reasons: Vec<ReasonOption>,
    comment: String,
    comment_max: usize,
    acknowledge_sales: Option<Acknowledgement>,
    acknowledge_points: Option<Acknowledgement>,
    /// Days of the grace period (0: none, and no choice to make).
    grace_days: i64,
    erase_now: bool,
    errors: FormErrors,
    /// A seller's numbers and improvement hints, shown inside the form only while 「売れない」
    /// is ticked (by the stylesheet: no script, no extra step); `None` without services.
    hints: Option<HintsPanel>,
}

/// The improvement hints beside the reasons.
struct HintsPanel {
    lead: String,
    totals: String,
    services: Vec<HintsService>,
}

struct HintsService {
    title: String,
    hints_href: String,
    analytics_href: String,
    analytics_label: String,
    count: String,
    /// The hints' sentences.
    items: Vec<String>,
}

fn hints_panel(ctx: &Ctx, summary: &HintsSummary) -> HintsPanel {
    let t = &summary.totals;
    HintsPanel {
        lead: ctx.t1("withdrawal-hints-lead", "days", summary.days),
        totals: ctx.tr.ta(
            "withdrawal-hints-totals",
            [
                ("impressions", count_arg(t.impressions)),
                ("views", count_arg(t.views)),
                ("favorites", count_arg(t.favorites)),
                ("orders", count_arg(t.orders)),
            ],
        ),
        services: summary
            .services
            .iter()
            .map(|s| HintsService {
                title: s.title.clone(),
                hints_href: hints_href(s.listing_id),
                analytics_href: format!("/sales/analytics/services/{}", s.listing_id),
                analytics_label: ctx.t1("analytics-link-label", "title", &s.title),
                count: hint_count(ctx, s),
                items: hint_items(ctx, s).into_iter().map(|h| h.text).collect(),
            })
            .collect(),
    }
}

pub(super) async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
) -> PageResult {
    render(
        &state,
        &ctx,
        user,
        StatusCode::OK,
        Entered::default(),
        FormErrors::default(),
    )
    .await
}

/// The page as it stands now, with what the member entered and the errors to correct.
pub(super) async fn render(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    status: StatusCode,
    entered: Entered,
    errors: FormErrors,
) -> PageResult {
    let r: Readiness = readiness::check(&state.app, user).await?;
    let review = preview::written_review(&state.app, user).await?;
    let scheduled = schedule::current(&state.app, user).await?;
    // Only with the form (not while a withdrawal is scheduled).
    let hints = match scheduled {
        Some(_) => None,
        // The panel is an offer, never a condition: if it cannot be made, the page goes on
        // without it.
        None => hints::summary(&state.app, user).await.unwrap_or_else(|e| {
            tracing::warn!(error = %e, "the withdrawal page's hints could not be made");
            None
        }),
    };
    let count = r.blockers.len();
    let forfeits = r.forfeits;
    let mut response = page_with_status(
        status,
        &WithdrawalPage {
            ctx,
            section: "withdrawal",
            two_step_on: yorozu_app::accounts::two_step::status(&state.app, user.id)
                .await?
                .enabled,
            ready: r.is_ready(),
            not_ready: ctx.t1("withdrawal-not-ready", "count", count),
            blockers: r
                .blockers
                .iter()
                .map(|b| BlockerItem::new(ctx, b))
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
            open_offers: (r.open_offers_to_withdraw > 0)
                .then(|| ctx.t1("withdrawal-open-offers", "count", r.open_offers_to_withdraw)),
            sales_balance: yen(ctx, forfeits.sales_balance),
            has_sales_balance: forfeits.sales_balance > 0,
            points: points_text(ctx, "withdrawal-forfeit-points-value", forfeits.points),
            data: data_lines(ctx.locale()),
            reviews: review
                .map(|v| ReviewItem::new(ctx, v, true))
                .into_iter()
                .collect(),
            scheduled: scheduled.map(|row| {
                ctx.t1(
                    "withdrawal-scheduled",
                    "date",
                    ctx.datetime(&row.requested_at),
                )
            }),
            has_sale_blocker: r
                .blockers
                .iter()
                .any(|b| b.blocker.kind == BlockerKind::Sale),
            reasons: ReasonChoice::ALL
                .into_iter()
                .map(|choice| ReasonOption {
                    key: choice.key(),
                    label: ctx.t(&format!("withdrawal-reason-{}", choice.key())),
                    checked: entered.reasons.iter().any(|k| k == choice.key()),
                })
                .collect(),
            comment: entered.comment,
            comment_max: MAX_COMMENT_CHARS,
            acknowledge_sales: Acknowledgement::new(
                forfeits.sales_balance,
                entered.acknowledged.sales_balance,
                || {
                    ctx.t1(
                        "withdrawal-acknowledge-sales-label",
                        "amount",
                        yen(ctx, forfeits.sales_balance),
                    )
                },
            ),
            acknowledge_points: Acknowledgement::new(
                forfeits.points,
                entered.acknowledged.points,
                || points_text(ctx, "withdrawal-acknowledge-points-label", forfeits.points),
            ),
            grace_days: state.app.policy.withdrawal_grace_days,
            erase_now: entered.erase_now,
            errors,
            hints: hints.as_ref().map(|h| hints_panel(ctx, h)),
        },
    )?;
    // Balances and open orders: browsers and proxies must not keep a copy.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// A message with a number of points, grouped the way amounts are (「1,500ポイント」).
fn points_text(ctx: &Ctx, key: &str, points: i64) -> String {
    ctx.tr.ta(key, [("points", count_arg(points))])
}
