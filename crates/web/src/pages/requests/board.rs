//! The board (`/requests`): open requests newest first, a search box and filters in a plain
//! GET form; and the members' lists.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use yorozu_app::requests::board::{self, BoardQuery};
use yorozu_domain::RequestId;

use super::{CategoryGroup, RequestLine, category_groups, request_line};
use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::pages::extract::SignedIn;
use crate::render::page;
use crate::state::AppState;

/// The board's query string; numbers that do not parse are ignored.
#[derive(Debug, Default, serde::Deserialize)]
pub(super) struct Params {
    #[serde(default)]
    q: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    budget_min: String,
    #[serde(default)]
    budget_max: String,
    #[serde(default)]
    before: String,
}

#[derive(Template)]
#[template(path = "requests_board.html")]
struct BoardPage<'a> {
    ctx: &'a Ctx,
    q: String,
    budget_min: String,
    budget_max: String,
    categories: Vec<CategoryGroup>,
    lines: Vec<RequestLine>,
    next_href: Option<String>,
}

fn number(s: &str) -> Option<i64> {
    s.trim().parse().ok()
}

pub(super) async fn board(
    State(state): State<AppState>,
    ctx: Ctx,
    params: Result<Query<Params>, QueryRejection>,
) -> PageResult {
    let p = params.map(|Query(p)| p).unwrap_or_default();
    let query = BoardQuery {
        q: p.q.clone(),
        category_id: number(&p.category),
        budget_at_least: number(&p.budget_min),
        budget_at_most: number(&p.budget_max),
        before: number(&p.before).map(RequestId::new),
    };
    let found = board::board(&state.app, &query).await?;
    let next_href = found.next.map(|before| {
        use urlencoding::encode;
        format!(
            "/requests?q={}&category={}&budget_min={}&budget_max={}&before={before}",
            encode(&p.q),
            encode(&p.category),
            encode(&p.budget_min),
            encode(&p.budget_max),
        )
    });
    page(&BoardPage {
        ctx: &ctx,
        categories: category_groups(&ctx, &p.category, true),
        lines: found
            .requests
            .iter()
            .map(|r| request_line(&ctx, r))
            .collect(),
        q: p.q,
        budget_min: p.budget_min,
        budget_max: p.budget_max,
        next_href,
    })
}

#[derive(Template)]
#[template(path = "requests_mine.html")]
struct MinePage<'a> {
    ctx: &'a Ctx,
    heading: String,
    empty: String,
    lines: Vec<RequestLine>,
}

/// 「自分の依頼」.
pub(super) async fn mine(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
) -> PageResult {
    let lines = board::mine(&state.app, user)
        .await?
        .iter()
        .map(|r| request_line(&ctx, r))
        .collect();
    page(&MinePage {
        heading: ctx.t("requests-mine"),
        empty: ctx.t("requests-mine-empty"),
        ctx: &ctx,
        lines,
    })
}

/// 「提案した依頼」.
pub(super) async fn proposed(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
) -> PageResult {
    let lines = board::proposed(&state.app, user)
        .await?
        .iter()
        .map(|l| {
            let mut line = request_line(&ctx, &l.request);
            line.facts.insert(
                0,
                ctx.t1(
                    "request-proposal-state",
                    "state",
                    ctx.t(&l.proposal.state.message_id()),
                ),
            );
            line
        })
        .collect();
    page(&MinePage {
        heading: ctx.t("requests-proposed"),
        empty: ctx.t("requests-proposed-empty"),
        ctx: &ctx,
        lines,
    })
}
