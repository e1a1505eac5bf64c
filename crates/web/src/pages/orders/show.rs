//! The order page (`GET /orders/{id}`), for its buyer and seller only: where the order stands,
//! the counterpart, the amounts this side cares about, the dates that matter, the actions the
//! order allows this member now (and only those), the reviews once written, and the talk room.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::orders::Party;
use yorozu_app::orders::Review;
use yorozu_app::orders::view::{self, Actions, MessageView, OrderDetail};
use yorozu_app::payments::cards;
use yorozu_domain::ListingId;
use yorozu_domain::OrderId;
use yorozu_domain::UserId;
use yorozu_domain::Yen;
use yorozu_domain::orders::{MessageKind, OrderState, ReviewRole};

use super::{CardChoice, card_choices, minus_yen, state_label, yen};
use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult};
use crate::pages::extract::{PathId, SignedIn};
use crate::pages::safety::blocks::BlockButton;
use crate::pages::safety::notice::ContactNotice;
use crate::render::page_with_status;
use crate::state::AppState;
use crate::upload::MIB;

pub(super) async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<OrderId>,
) -> PageResult {
    render(&state, &ctx, user, id, StatusCode::OK, None).await
}

/// A form of the page that was sent and refused: its messages and what was typed.
pub(super) struct Problem {
    /// Which form: `pay`, `deliver`, `approve`, `send_back`, `cancel_request`,
    /// `cancel_answer`, `withdraw`, `review` or `message`.
    pub form: &'static str,
    pub errors: FormErrors,
    /// The text typed into the form's main field, shown again.
    pub text: String,
    /// For the review form: the rating chosen.
    pub rating: String,
    /// For the message form: the contact-details warning, with the choice to send anyway.
    pub contact: Option<ContactNotice>,
}

/// One step of 購入 → 作業中 → 納品 → 完了.
struct Step {
    label: String,
    done: bool,
    current: bool,
}

/// A label and a value (amounts and dates).
struct Fact {
    label: String,
    value: String,
    total: bool,
}

struct AttachmentLink {
    href: String,
    name: String,
    size: String,
}

/// One entry of the talk room.
struct TalkItem {
    id: i64,
    /// A platform note rather than a member's message.
    event: bool,
    /// The note of a formal delivery.
    delivery: bool,
    mine: bool,
    author: String,
    time: String,
    /// The text; for platform notes, the note in the reader's language.
    body: String,
    attachments: Vec<AttachmentLink>,
    read: bool,
}

struct CancellationView {
    mine: bool,
    requester: String,
    reason: String,
    deadline: String,
}

struct ReviewView {
    heading: String,
    stars: String,
    stars_label: String,
    comment: String,
    date: String,
    note: Option<String>,
}

#[derive(Template)]
#[template(path = "order_show.html")]
struct OrderPage<'a> {
    ctx: &'a Ctx,
    id: OrderId,
    title: String,
    listing_id: ListingId,
    is_buyer: bool,
    state_key: &'static str,
    state_label: String,
    steps: Vec<Step>,
    /// Why the order ended, and what happens to the money (cancelled, expired, disputed).
    ended: Option<String>,
    counterpart_role: String,
    counterpart_id: UserId,
    counterpart_name: String,
    /// The other party's account is open: their profile is linked and they can be messaged.
    counterpart_active: bool,
    amounts: Vec<Fact>,
    dates: Vec<Fact>,
    actions: Actions,
    cards: Vec<CardChoice>,
    payment_due: Option<String>,
    auto_approval: Option<String>,
    /// For the seller while the buyer checks a delivery.
    seller_waiting: Option<String>,
    send_back_hint: String,
    cancellation: Option<CancellationView>,
    cancellation_hint: String,
    reviews: Vec<ReviewView>,
    talk: Vec<TalkItem>,
    talk_closed: String,
    files_hint: String,
    problem: Option<Problem>,
    no_errors: FormErrors,
    /// トラブル相談: the form to open one, or the open or last dispute.
    dispute: super::dispute_panel::DisputePanel,
    /// 追加オプション・納品予定日: the due date, additions and extension requests.
    changes: super::changes_panel::ChangesPanel,
    /// おひねり: the tips sent, and the buyer's form while the window is open.
    tips: super::tips_panel::TipsPanel,
    /// Block or unblock the other party.
    block: Option<BlockButton>,
}

impl OrderPage<'_> {
    /// The messages of `form` if it was the one refused.
    fn errors(&self, form: &str) -> &FormErrors {
        match &self.problem {
            Some(p) if p.form == form => &p.errors,
            _ => &self.no_errors,
        }
    }

    /// What was typed into `form` before it was refused ("" otherwise).
    fn kept(&self, form: &str) -> &str {
        match &self.problem {
            Some(p) if p.form == form => &p.text,
            _ => "",
        }
    }

    /// The messages of a refused form that the page no longer shows (the order moved on, so
    /// its action is gone): shown at the top instead, so that no message is lost.
    fn orphan_errors(&self) -> Option<&FormErrors> {
        let p = self.problem.as_ref()?;
        let a = &self.actions;
        let shown = match p.form {
            "pay" => a.pay,
            "deliver" => a.deliver,
            "approve" => a.approve,
            "send_back" => a.send_back,
            "cancel_request" => a.request_cancellation,
            "cancel_answer" => a.answer_cancellation,
            "withdraw" => a.withdraw_cancellation,
            "review" => a.review,
            "message" => a.message,
            form if form.starts_with("dispute_") => self.dispute.shows(form),
            form if form.starts_with("change_") => self.changes.shows(form),
            _ => false,
        };
        (!shown).then_some(&p.errors)
    }

    /// The contact-details warning of the message form, if it was held back for one.
    fn contact(&self) -> Option<&ContactNotice> {
        self.problem.as_ref().and_then(|p| p.contact.as_ref())
    }

    fn kept_rating(&self, value: &u8) -> bool {
        match &self.problem {
            Some(p) if p.form == "review" => p.rating == value.to_string(),
            _ => false,
        }
    }
}

/// Renders the order page, with a refused form's messages if there is one.
pub(super) async fn render(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    order_id: OrderId,
    status: StatusCode,
    problem: Option<Problem>,
) -> PageResult {
    let app = &state.app;
    let d = view::detail(app, user, order_id).await?;
    let cards = if d.actions.pay {
        let list = cards::list_cards(app, user).await?;
        let first = list.first().map(|c| c.id);
        card_choices(ctx, list, first)
    } else {
        Vec::new()
    };
    let dispute = super::dispute_panel::panel(state, ctx, user, order_id).await?;
    let changes =
        super::changes_panel::panel(state, ctx, user, order_id, d.party == Party::Buyer).await?;
    let tips = super::tips_panel::panel(
        state,
        ctx,
        user,
        order_id,
        d.party == Party::Buyer,
        &shown_name(ctx, &d.counterpart_name),
    )
    .await?;
    let o = &d.order;
    let state_value = d.state();
    let is_buyer = d.party == Party::Buyer;
    let policy = &app.policy;
    let max_files_bytes = policy.attachment_max_bytes.min(state.web.max_body_bytes);
    let page_data = OrderPage {
        ctx,
        id: o.id,
        title: o.listing_title.clone(),
        listing_id: o.listing_id,
        is_buyer,
        state_key: state_value.as_str(),
        state_label: state_label(ctx, state_value),
        steps: steps(ctx, state_value),
        ended: ended(ctx, &d, state_value),
        counterpart_role: ctx.t(if is_buyer {
            "orders-role-seller"
        } else {
            "orders-role-buyer"
        }),
        counterpart_id: d.counterpart_id,
        block: BlockButton::for_viewer(
            state,
            user,
            d.counterpart_id,
            &format!("/orders/{order_id}"),
        )
        .await?,
        counterpart_active: d.counterpart_active,
        counterpart_name: shown_name(ctx, &d.counterpart_name),
        amounts: amounts(ctx, &d),
        dates: dates(ctx, &d),
        actions: d.actions,
        cards,
        payment_due: o
            .payment_due_at
            .filter(|_| state_value == OrderState::AwaitingPayment)
            .map(|t| ctx.t1("orders-pay-due", "date", ctx.datetime(&t))),
        auto_approval: d.pending_delivery.as_ref().map(|p| {
            ctx.t1(
                "orders-approve-auto",
                "date",
                ctx.datetime(&p.auto_approve_at),
            )
        }),
        seller_waiting: d.pending_delivery.as_ref().filter(|_| !is_buyer).map(|p| {
            ctx.t1(
                "orders-waiting-approval",
                "date",
                ctx.datetime(&p.auto_approve_at),
            )
        }),
        send_back_hint: ctx.t1(
            "orders-send-back-hint",
            "max",
            i64::from(policy.send_backs_allowed),
        ),
        cancellation: d.open_cancellation.as_ref().map(|c| CancellationView {
            mine: c.requested_by == user.id,
            requester: if c.requested_by == user.id {
                ctx.t("orders-cancellation-by-you")
            } else {
                shown_name(ctx, &d.counterpart_name)
            },
            reason: c.reason.clone(),
            deadline: ctx.datetime(&c.deadline_at),
        }),
        cancellation_hint: ctx.t1(
            "orders-cancel-request-hint",
            "hours",
            policy.cancellation_answer_hours,
        ),
        reviews: reviews(ctx, &d),
        talk: talk(ctx, o.id, &d.messages),
        talk_closed: ctx.t1("orders-talk-closed", "date", ctx.date(&d.talk_closes_at)),
        files_hint: ctx.tr.ta(
            "orders-files-hint",
            [
                ("count", policy.attachments_per_message.into()),
                ("max_mb", (max_files_bytes / MIB).into()),
            ],
        ),
        problem,
        no_errors: FormErrors::default(),
        dispute,
        changes,
        tips,
    };
    page_with_status(status, &page_data)
}

/// A member's name, or 「退会したユーザー」 style wording when the profile is gone.
fn shown_name(ctx: &Ctx, name: &str) -> String {
    if name.trim().is_empty() {
        ctx.t("orders-unknown-member")
    } else {
        name.to_owned()
    }
}

fn steps(ctx: &Ctx, state: OrderState) -> Vec<Step> {
    let current = match state {
        OrderState::AwaitingPayment => 0,
        OrderState::InProgress => 1,
        OrderState::Delivered => 2,
        OrderState::Completed => 3,
        // Ended or on hold: the header says why; no step is current.
        OrderState::Cancelled | OrderState::Expired | OrderState::Disputed => return Vec::new(),
    };
    [
        "orders-step-ordered",
        "orders-step-working",
        "orders-step-delivered",
        "orders-step-completed",
    ]
    .iter()
    .enumerate()
    .map(|(i, key)| Step {
        label: ctx.t(key),
        done: i < current || (i == current && state == OrderState::Completed),
        current: i == current,
    })
    .collect()
}

fn ended(ctx: &Ctx, d: &OrderDetail, state: OrderState) -> Option<String> {
    let o = &d.order;
    let buyer = d.party == Party::Buyer;
    let key = match state {
        OrderState::Cancelled if buyer && o.paid_at.is_some() && o.buyer_total > Yen::ZERO => {
            return Some(ctx.t1(
                "orders-ended-cancelled-refund",
                "amount",
                yen(ctx, o.buyer_total.get()),
            ));
        }
        OrderState::Cancelled if buyer => "orders-ended-cancelled-unpaid",
        OrderState::Cancelled => "orders-ended-cancelled-seller",
        OrderState::Expired => "orders-ended-expired",
        OrderState::Disputed => "orders-ended-disputed",
        _ => return None,
    };
    Some(ctx.t(key))
}

fn amounts(ctx: &Ctx, d: &OrderDetail) -> Vec<Fact> {
    let o = &d.order;
    let fact = |label: String, value: String| Fact {
        label,
        value,
        total: false,
    };
    let options_total: i64 = d.options.iter().map(|x| x.price.get()).sum();
    let mut out = Vec::new();
    if d.party == Party::Buyer {
        out.push(fact(
            ctx.t("orders-line-price"),
            yen(ctx, o.subtotal.get() - options_total),
        ));
        for x in &d.options {
            out.push(fact(
                ctx.t1("orders-line-option", "title", &x.title),
                yen(ctx, x.price.get()),
            ));
        }
        out.push(fact(
            ctx.t("orders-line-fee-plain"),
            yen(ctx, o.buyer_fee.get()),
        ));
        if o.points_used > 0 {
            out.push(fact(
                ctx.t("orders-line-points"),
                minus_yen(ctx, o.points_used),
            ));
        }
        if o.coupon_discount > Yen::ZERO {
            out.push(fact(
                ctx.t("orders-line-coupon-plain"),
                minus_yen(ctx, o.coupon_discount.get()),
            ));
        }
        out.push(Fact {
            label: ctx.t("orders-line-total"),
            value: yen(ctx, o.buyer_total.get()),
            total: true,
        });
    } else {
        out.push(fact(
            ctx.t("orders-line-sale-price"),
            yen(ctx, o.subtotal.get()),
        ));
        for x in &d.options {
            out.push(fact(
                ctx.t1("orders-line-option-included", "title", &x.title),
                yen(ctx, x.price.get()),
            ));
        }
        out.push(fact(
            ctx.t("orders-line-sales-fee"),
            minus_yen(ctx, o.platform_fee.get()),
        ));
        out.push(Fact {
            label: ctx.t("orders-line-share"),
            value: yen(ctx, o.seller_share.get()),
            total: true,
        });
    }
    out
}

fn dates(ctx: &Ctx, d: &OrderDetail) -> Vec<Fact> {
    let o = &d.order;
    let mut out = Vec::new();
    let mut push = |key: &str, value: String| {
        out.push(Fact {
            label: ctx.t(key),
            value,
            total: false,
        })
    };
    push("orders-date-ordered", ctx.datetime(&o.created_at));
    if let Some(due) = o
        .payment_due_at
        .filter(|_| o.state == OrderState::AwaitingPayment)
    {
        push("orders-date-payment-due", ctx.datetime(&due));
    }
    if let Some(t) = o.paid_at {
        push("orders-date-paid", ctx.datetime(&t));
    }
    if let Some(t) = o.delivered_at {
        push("orders-date-delivered", ctx.datetime(&t));
    }
    if let Some(p) = &d.pending_delivery {
        push(
            "orders-date-auto-approval",
            ctx.datetime(&p.auto_approve_at),
        );
    }
    if let Some(c) = &d.open_cancellation {
        push(
            "orders-date-cancellation-deadline",
            ctx.datetime(&c.deadline_at),
        );
    }
    if let Some(t) = o.completed_at {
        push("orders-date-completed", ctx.datetime(&t));
    }
    if let Some(t) = o.cancelled_at {
        push("orders-date-cancelled", ctx.datetime(&t));
    }
    push("orders-date-talk-closes", ctx.date(&d.talk_closes_at));
    out
}

fn reviews(ctx: &Ctx, d: &OrderDetail) -> Vec<ReviewView> {
    let mut list: Vec<&Review> = d.reviews.iter().collect();
    // The buyer's review of the seller first, as on the service page.
    list.sort_by_key(|r| r.author_role != ReviewRole::Buyer);
    list.into_iter()
        .map(|r| {
            let rating = r.rating.clamp(0, 5) as usize;
            ReviewView {
                heading: ctx.t(if r.author_role == ReviewRole::Buyer {
                    "orders-review-by-buyer"
                } else {
                    "orders-review-by-seller"
                }),
                stars: format!("{}{}", "★".repeat(rating), "☆".repeat(5 - rating)),
                stars_label: ctx.t1("orders-review-stars", "rating", r.rating),
                comment: r.comment.clone(),
                date: ctx.date(&r.created_at),
                note: r.anonymous.then(|| ctx.t("orders-review-anonymous-note")),
            }
        })
        .collect()
}

fn talk(ctx: &Ctx, order_id: OrderId, messages: &[MessageView]) -> Vec<TalkItem> {
    messages
        .iter()
        .map(|m| TalkItem {
            id: m.id,
            event: m.kind == MessageKind::Event,
            delivery: m.kind == MessageKind::Delivery,
            mine: m.mine,
            author: if m.author.is_some() {
                shown_name(ctx, &m.author_name)
            } else {
                ctx.t("orders-talk-platform")
            },
            time: ctx.datetime(&m.created_at),
            body: if m.kind == MessageKind::Event {
                event_text(ctx, &m.body)
            } else {
                m.body.clone()
            },
            attachments: m
                .attachments
                .iter()
                .map(|a| AttachmentLink {
                    href: format!("/orders/{order_id}/files/{}", a.id),
                    name: a.file_name.clone(),
                    size: file_size(a.size_bytes),
                })
                .collect(),
            read: m.mine && m.read_by_other,
        })
        .collect()
}

/// A platform note: its body is a message id (`order-event-…`).
fn event_text(ctx: &Ctx, id: &str) -> String {
    if id.starts_with("order-event-") && ctx.tr.has(id) {
        ctx.t(id)
    } else {
        ctx.t("orders-event-other")
    }
}

/// 「120 KB」, 「3.4 MB」.
fn file_size(bytes: i64) -> String {
    let bytes = bytes.max(0);
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{} KB", (bytes + 1023) / 1024)
    } else {
        let tenths = (bytes * 10 + 1024 * 1024 - 1) / (1024 * 1024);
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}
