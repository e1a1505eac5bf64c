//! The help page: answers to the questions members ask first.

use askama::Template;
use axum::Router;
use axum::routing::get;

use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::render::page;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/help", get(help))
}

/// The questions, in order; each has `help-q-NAME` and `help-a-NAME` messages.
const TOPICS: [&str; 10] = [
    "signup",
    "confirm",
    "password",
    "profile",
    "identity",
    "mail",
    "withdrawal",
    "disputes",
    "blocks",
    "contact-rule",
];

#[derive(Template)]
#[template(path = "help.html")]
struct HelpPage<'a> {
    ctx: &'a Ctx,
    topics: Vec<(String, String, String)>,
}

async fn help(ctx: Ctx) -> PageResult {
    let topics = TOPICS
        .iter()
        .map(|t| {
            (
                (*t).to_owned(),
                ctx.t(&format!("help-q-{t}")),
                ctx.t(&format!("help-a-{t}")),
            )
        })
        .collect();
    page(&HelpPage { ctx: &ctx, topics })
}
