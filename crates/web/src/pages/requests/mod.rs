//! The request board (公開依頼) on the pages: the board with its search and filters, posting
//! a request (multipart, with files, the contact-details warning), a request's page with the
//! proposals side by side for its buyer and the proposal form for sellers, and the members'
//! lists 「自分の依頼」 and 「提案した依頼」. Buying a proposal is the final confirmation
//! screen of its offer (`/orders/new?listing=…&offer=…`). Every form works without
//! JavaScript.

mod board;
mod new;
mod show;

use axum::Router;
use axum::routing::{get, post};
use yorozu_domain::listings::categories;

use crate::ctx::Ctx;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/requests", get(board::board))
        .route("/requests/new", get(new::form).post(new::send))
        .route("/requests/mine", get(board::mine))
        .route("/requests/proposed", get(board::proposed))
        .route("/requests/{id}", get(show::show))
        .route("/requests/{id}/proposals", post(show::propose))
        .route("/requests/{id}/withdraw-proposal", post(show::withdraw))
        .route("/requests/{id}/close", post(show::close))
        .route("/requests/{id}/files/{file_id}", get(show::download))
}

/// One `<option>`.
pub(crate) struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// A top-level category with its leaf categories, as one `<optgroup>`.
pub(crate) struct CategoryGroup {
    pub label: String,
    pub choices: Vec<Choice>,
}

/// Leaf categories grouped under their top-level category (`with_parents`: the top-level one
/// is a choice too, for filtering).
fn category_groups(ctx: &Ctx, chosen: &str, with_parents: bool) -> Vec<CategoryGroup> {
    let chosen = chosen.trim();
    categories::top_level()
        .map(|top| {
            let parent = with_parents.then(|| Choice {
                value: top.id.to_string(),
                label: ctx.t(&top.message_id()),
                selected: top.id.to_string() == chosen,
            });
            CategoryGroup {
                label: ctx.t(&top.message_id()),
                choices: parent
                    .into_iter()
                    .chain(top.children().map(|c| {
                        let value = c.id.to_string();
                        Choice {
                            selected: value == chosen,
                            label: ctx.t(&c.message_id()),
                            value,
                        }
                    }))
                    .collect(),
            }
        })
        .collect()
}

/// One request as the lists show it.
pub(crate) struct RequestLine {
    pub href: String,
    pub title: String,
    pub state: String,
    pub facts: Vec<String>,
}

fn request_line(ctx: &Ctx, r: &yorozu_app::requests::board::RequestSummary) -> RequestLine {
    let mut facts = vec![
        ctx.tr.ta(
            "request-budget",
            [("min", r.budget_min.into()), ("max", r.budget_max.into())],
        ),
        ctx.t1("request-deadline", "at", ctx.datetime(&r.proposal_deadline)),
        ctx.tr.ta(
            "request-proposal-count",
            [
                ("count", r.proposal_count.into()),
                ("max", r.max_proposals.into()),
            ],
        ),
    ];
    if let Some(date) = &r.desired_date {
        facts.push(ctx.t1("request-desired-date", "date", date.as_str()));
    }
    RequestLine {
        href: yorozu_app::requests::request_path(r.id),
        title: r.title.clone(),
        state: ctx.t(&r.state.message_id()),
        facts,
    }
}
