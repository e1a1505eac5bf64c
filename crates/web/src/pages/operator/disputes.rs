//! Disputes (トラブル相談) in the operator console: the queue of open disputes, oldest first,
//! and one dispute's page with the evidence (the order, the whole talk room, the deliveries
//! with their files' names, sizes and SHA-256, the history) and the decision form.

use askama::Template;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::http::{HeaderValue, StatusCode, header};
use axum::routing::get;
use axum::{Form, Router};
use serde::Deserialize;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::orders::dispute_decide::{self, DecisionForm};
use yorozu_app::orders::dispute_evidence::{self, EvidenceFile};
use yorozu_domain::OrderId;
use yorozu_domain::orders::{DisputeDecision, MessageKind};

use super::member_name;
use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult, form_or_page};
use crate::pages::extract::{Operator, PathId};
use crate::render::{page, page_with_status, redirect_with_flash};
use crate::state::AppState;

const QUEUE: &str = "/operator/disputes";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(QUEUE, get(queue))
        .route("/operator/disputes/{id}", get(show).post(decide))
}

fn yen(ctx: &Ctx, amount: i64) -> String {
    crate::pages::discovery::yen(ctx, amount)
}

struct QueueLine {
    dispute_id: i64,
    order_id: OrderId,
    title: String,
    reason: String,
    side: String,
    opened_at: String,
    paid: String,
}

#[derive(Template)]
#[template(path = "operator_disputes.html")]
struct QueuePage<'a> {
    ctx: &'a Ctx,
    lines: Vec<QueueLine>,
}

async fn queue(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
) -> PageResult {
    let lines = dispute_decide::queue(&state.app, operator)
        .await?
        .into_iter()
        .map(|e| QueueLine {
            dispute_id: e.dispute_id,
            order_id: e.order_id,
            title: e.title,
            reason: ctx.t(&format!("dispute-reason-{}", e.reason.as_str())),
            side: ctx.t(&format!("dispute-side-{}", e.opened_side.as_str())),
            opened_at: ctx.datetime(&e.opened_at),
            paid: yen(&ctx, e.paid),
        })
        .collect();
    page(&QueuePage { ctx: &ctx, lines })
}

struct FileLine {
    name: String,
    size: i64,
    sha256: String,
}

fn file_lines(files: &[EvidenceFile]) -> Vec<FileLine> {
    files
        .iter()
        .map(|f| FileLine {
            name: f.file_name.clone(),
            size: f.size_bytes,
            sha256: f.sha256.clone(),
        })
        .collect()
}

struct MessageLine {
    event: bool,
    who: String,
    time: String,
    body: String,
    files: Vec<FileLine>,
}

struct DeliveryLine {
    time: String,
    outcome: String,
    note: String,
    send_back_reason: String,
    files: Vec<FileLine>,
}

struct StatementLine {
    who: String,
    time: String,
    body: String,
}

struct Line {
    label: String,
    value: String,
}

#[derive(Template)]
#[template(path = "operator_dispute.html")]
struct DisputePage<'a> {
    ctx: &'a Ctx,
    id: i64,
    title: String,
    open: bool,
    status: String,
    facts: Vec<Line>,
    statements: Vec<StatementLine>,
    messages: Vec<MessageLine>,
    deliveries: Vec<DeliveryLine>,
    history: Vec<Line>,
    can_release: bool,
    decisions: Vec<(&'static str, String, bool)>,
    outcome: Vec<Line>,
    errors: FormErrors,
    amount: String,
    reason: String,
}

/// The typed decision form, shown again when refused.
#[derive(Deserialize, Default)]
struct DecideForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    amount: String,
    #[serde(default)]
    reason: String,
}

async fn dispute_page(
    state: &AppState,
    ctx: &Ctx,
    operator: &CurrentUser,
    id: i64,
    status: StatusCode,
    errors: FormErrors,
    typed: DecideForm,
) -> PageResult {
    let e = dispute_evidence::gather(&state.app, operator, id).await?;
    let o = &e.order;
    let side_name = |side: Option<yorozu_domain::orders::DisputeSide>, name: &str| match side {
        Some(s) => format!(
            "{}（{}）",
            member_name(ctx, Some(name.to_owned())),
            ctx.t(&format!("dispute-side-{}", s.as_str()))
        ),
        None => ctx.t("orders-talk-platform"),
    };
    let note = |id: &str| {
        if ctx.tr.has(id) {
            ctx.t(id)
        } else {
            id.to_owned()
        }
    };
    let d = &e.dispute;
    let facts = vec![
        Line {
            label: ctx.t("operator-dispute-order"),
            value: format!("{} #{}", o.listing_title, o.id),
        },
        Line {
            label: ctx.t("dispute-side-buyer"),
            value: member_name(ctx, Some(e.buyer_name.clone())),
        },
        Line {
            label: ctx.t("dispute-side-seller"),
            value: member_name(ctx, Some(e.seller_name.clone())),
        },
        Line {
            label: ctx.t("operator-dispute-paid"),
            value: yen(ctx, o.buyer_total.get()),
        },
        Line {
            label: ctx.t("operator-dispute-share"),
            value: yen(ctx, o.seller_share.get()),
        },
        Line {
            label: ctx.t("operator-dispute-state"),
            value: ctx.t(&format!("orders-state-{}", d.interrupted_state.as_str())),
        },
        Line {
            label: ctx.t("dispute-field-reason"),
            value: ctx.t(&format!("dispute-reason-{}", d.reason.as_str())),
        },
    ];
    let name_of = |side: yorozu_domain::orders::DisputeSide| match side {
        yorozu_domain::orders::DisputeSide::Buyer => side_name(Some(side), &e.buyer_name),
        yorozu_domain::orders::DisputeSide::Seller => side_name(Some(side), &e.seller_name),
    };
    let chosen = DisputeDecision::parse(&typed.decision);
    let outcome = match d.decision {
        Some(decision) => vec![
            Line {
                label: ctx.t("dispute-outcome"),
                value: ctx.t(&format!("dispute-decision-{}", decision.as_str())),
            },
            Line {
                label: ctx.t("dispute-outcome-refund"),
                value: yen(ctx, d.refund_amount.unwrap_or(0)),
            },
            Line {
                label: ctx.t("dispute-outcome-share"),
                value: yen(ctx, d.seller_share.unwrap_or(0)),
            },
            Line {
                label: ctx.t("dispute-outcome-reason"),
                value: d.decision_reason.clone(),
            },
        ],
        None => Vec::new(),
    };
    let page_data = DisputePage {
        ctx,
        id,
        title: ctx.t1("operator-dispute-title", "id", id),
        open: d.is_open(),
        status: ctx.t(&format!("dispute-status-{}", d.status)),
        facts,
        statements: d
            .statements
            .iter()
            .map(|s| StatementLine {
                who: name_of(s.side),
                time: ctx.datetime(&s.created_at),
                body: s.body.clone(),
            })
            .collect(),
        messages: e
            .messages
            .iter()
            .map(|m| MessageLine {
                event: m.kind == MessageKind::Event,
                who: side_name(m.side, &m.author_name),
                time: ctx.datetime(&m.created_at),
                body: if m.kind == MessageKind::Event {
                    note(&m.body)
                } else {
                    m.body.clone()
                },
                files: file_lines(&m.files),
            })
            .collect(),
        deliveries: e
            .deliveries
            .iter()
            .map(|x| DeliveryLine {
                time: ctx.datetime(&x.delivered_at),
                outcome: x.outcome.as_str().to_owned(),
                note: x.note.clone(),
                send_back_reason: x.send_back_reason.clone(),
                files: file_lines(&x.files),
            })
            .collect(),
        history: e
            .history
            .iter()
            .map(|h| Line {
                label: ctx.datetime(&h.at),
                value: if h.detail.is_empty() {
                    note(&h.message_id)
                } else {
                    format!("{}: {}", note(&h.message_id), h.detail)
                },
            })
            .collect(),
        can_release: e.can_release,
        decisions: DisputeDecision::ALL
            .iter()
            .filter(|x| e.can_release || **x != DisputeDecision::Release)
            .map(|x| {
                (
                    x.as_str(),
                    ctx.t(&format!("dispute-decision-{}", x.as_str())),
                    chosen == Some(*x),
                )
            })
            .collect(),
        outcome,
        errors,
        amount: typed.amount,
        reason: typed.reason,
    };
    let mut response = page_with_status(status, &page_data)?;
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
    PathId(id): PathId<i64>,
) -> PageResult {
    dispute_page(
        &state,
        &ctx,
        operator,
        id,
        StatusCode::OK,
        FormErrors::default(),
        DecideForm::default(),
    )
    .await
}

async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
    PathId(id): PathId<i64>,
    form: Result<Form<DecideForm>, FormRejection>,
) -> PageResult {
    let typed = form.map(|Form(f)| f).unwrap_or_default();
    let submitted = DecisionForm {
        decision: typed.decision.clone(),
        amount: typed.amount.clone(),
        reason: typed.reason.clone(),
    };
    match dispute_decide::decide(&state.app, operator, id, &submitted).await {
        Ok(_) => Ok(redirect_with_flash(
            &ctx,
            &format!("{QUEUE}/{id}"),
            "dispute-flash-decided",
        )),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            dispute_page(&state, &ctx, operator, id, status, errors, typed).await
        }
    }
}
