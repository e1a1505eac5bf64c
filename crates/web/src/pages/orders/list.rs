//! A member's orders (`GET /orders?tab=purchases|sales&page=N`): what they bought and what
//! they sold, newest first, 20 a page, with the state, the amount and unread messages.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use serde::Deserialize;
use yorozu_app::orders::Party;
use yorozu_app::orders::view::{self, PAGE_SIZE};
use yorozu_domain::OrderId;

use super::{state_label, yen};
use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::pages::extract::SignedIn;
use crate::render::page;
use crate::state::AppState;

#[derive(Deserialize, Default)]
pub(super) struct ListQuery {
    #[serde(default)]
    tab: String,
    #[serde(default)]
    page: String,
}

struct Row {
    id: OrderId,
    title: String,
    counterpart: String,
    state_key: &'static str,
    state_label: String,
    amount: String,
    date: String,
    unread: i64,
    unread_label: String,
}

struct PageLink {
    number: i64,
    href: String,
    current: bool,
}

#[derive(Template)]
#[template(path = "orders_list.html")]
struct ListPage<'a> {
    ctx: &'a Ctx,
    sales: bool,
    rows: Vec<Row>,
    total: i64,
    pages: Vec<PageLink>,
    prev: Option<String>,
    next: Option<String>,
}

pub(super) async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> PageResult {
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let sales = query.tab == "sales";
    let page_number = yorozu_domain::paging::parse_page(&query.page);
    let side = if sales { Party::Seller } else { Party::Buyer };
    let (orders, total) = view::list(&state.app, user, side, page_number).await?;
    let rows = orders
        .into_iter()
        .map(|s| {
            let state_value = s.order.state;
            Row {
                id: s.order.id,
                title: s.order.listing_title.clone(),
                counterpart: if s.counterpart_name.trim().is_empty() {
                    ctx.t("orders-unknown-member")
                } else {
                    s.counterpart_name.clone()
                },
                state_key: state_value.as_str(),
                state_label: state_label(&ctx, state_value),
                amount: yen(
                    &ctx,
                    if sales {
                        s.order.subtotal.get()
                    } else {
                        s.order.buyer_total.get()
                    },
                ),
                date: ctx.datetime(&s.order.created_at),
                unread: s.unread,
                unread_label: ctx.t1("orders-list-unread", "count", s.unread),
            }
        })
        .collect();
    let tab = if sales { "sales" } else { "purchases" };
    let last_page = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let href = |n: i64| format!("/orders?tab={tab}&page={n}");
    let pages = if last_page > 1 {
        (1..=last_page)
            .map(|n| PageLink {
                number: n,
                href: href(n),
                current: n == page_number,
            })
            .collect()
    } else {
        Vec::new()
    };
    page(&ListPage {
        ctx: &ctx,
        sales,
        rows,
        total,
        pages,
        prev: (page_number > 1).then(|| href(page_number - 1)),
        next: (page_number < last_page).then(|| href(page_number + 1)),
    })
}
