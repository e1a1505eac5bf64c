//! The member's points (ポイント): balance, when it expires, and the history of grants, uses,
//! restorations and expiries.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::routing::get;
use yorozu_app::orders::order_path;
use yorozu_app::promotions::points::{self, PointEntry};
use yorozu_domain::promotions::Points;
use yorozu_i18n::group_digits;

use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::pages::discovery::count_arg;
use crate::pages::extract::SignedIn;
use crate::render::page;
use crate::state::AppState;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/settings/points", get(show))
}

/// One line of the history.
struct EntryItem {
    date: String,
    kind: String,
    /// Signed and grouped: 「+1,500」, 「-500」.
    amount: String,
    note: String,
    /// The order a use or a restoration belongs to: (link, link text).
    order: Option<(String, String)>,
}

impl EntryItem {
    fn new(ctx: &Ctx, e: PointEntry) -> EntryItem {
        let kind_key = format!("my-points-kind-{}", e.kind);
        let kind = if ctx.tr.has(&kind_key) {
            ctx.t(&kind_key)
        } else {
            e.kind.as_str().to_owned()
        };
        // Grants carry the operator's note; the other kinds explain themselves.
        let note = if e.note.is_empty() {
            let key = format!("my-points-note-{}", e.kind);
            if ctx.tr.has(&key) {
                ctx.t(&key)
            } else {
                String::new()
            }
        } else {
            e.note
        };
        let sign = if e.amount > Points::ZERO { "+" } else { "" };
        EntryItem {
            date: ctx.date(&e.created_at),
            kind,
            amount: format!("{sign}{}", group_digits(e.amount.get())),
            note,
            order: e.order_id.filter(|_| e.kind.is_for_order()).map(|id| {
                (
                    order_path(id),
                    ctx.t1("my-points-order-link", "order", id.get()),
                )
            }),
        }
    }
}

#[derive(Template)]
#[template(path = "settings_points.html")]
struct PointsPage<'a> {
    ctx: &'a Ctx,
    section: &'static str,
    balance: String,
    /// The date the whole balance expires, when there is one.
    expires: Option<String>,
    history: Vec<EntryItem>,
}

async fn show(State(state): State<AppState>, ctx: Ctx, SignedIn(ref user): SignedIn) -> PageResult {
    let view = points::view(&state.app, user).await?;
    page(&PointsPage {
        ctx: &ctx,
        section: "points",
        balance: ctx.tr.ta(
            "my-points-balance",
            [("points", count_arg(view.balance.get()))],
        ),
        expires: view
            .expires_at
            .map(|at| ctx.t1("my-points-expires", "date", ctx.date(&at))),
        history: view
            .history
            .into_iter()
            .map(|e| EntryItem::new(&ctx, e))
            .collect(),
    })
}
