//! The home page: the hero, categories, new and popular services, and new members.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::routing::get;
use yorozu_app::listings::view::home_sections;
use yorozu_app::profile::view::recent_members;
use yorozu_domain::UserId;

use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::pages::discovery::{Card, CategoryLink, cards, top_level_links};
use crate::render::page;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/", get(home))
}

struct MemberCard {
    user_id: UserId,
    display_name: String,
    initial: String,
    has_avatar: bool,
    avatar_version: i64,
    verified: bool,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage<'a> {
    ctx: &'a Ctx,
    categories: Vec<CategoryLink>,
    newest: Vec<Card>,
    popular: Vec<Card>,
    members: Vec<MemberCard>,
}

async fn home(State(state): State<AppState>, ctx: Ctx) -> PageResult {
    let (newest, popular) = home_sections(&state.app).await?;
    let members = recent_members(&state.app, 12)
        .await?
        .into_iter()
        .map(|p| MemberCard {
            initial: p
                .display_name
                .chars()
                .next()
                .map(String::from)
                .unwrap_or_default(),
            user_id: p.user_id,
            has_avatar: p.has_avatar,
            avatar_version: p.avatar_version,
            verified: p.identity_verified_at.is_some(),
            display_name: p.display_name,
        })
        .collect();
    page(&HomePage {
        categories: top_level_links(&ctx),
        newest: cards(&ctx, newest),
        popular: cards(&ctx, popular),
        ctx: &ctx,
        members,
    })
}
