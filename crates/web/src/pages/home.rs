//! The home page: the hero, categories, new and popular services, and new members.

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::routing::get;
use yorozu_app::catalog::Shows;
use yorozu_app::listings::Card as ServiceCard;
use yorozu_app::listings::view::home_sections;
use yorozu_app::profile::view::{ProfileView, recent_members};
use yorozu_domain::UserId;

use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::pages::discovery::{Card, CategoryLink, cards, top_level_links};
use crate::pages::shared_html;
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

/// Anonymous visitors get the page from the rendered HTML cache when it is there: it shows
/// the public lists, so any change that may move them (or a card or member on it) drops it.
async fn home(State(state): State<AppState>, ctx: Ctx) -> PageResult {
    let app = &state.app;
    let shared = match shared_html::lookup(app, &ctx).await? {
        shared_html::Lookup::Hit(page) => return Ok(page),
        shared_html::Lookup::Miss(shared) => shared,
    };
    let (newest, popular) = home_sections(app).await?;
    let members = recent_members(app, 12).await?;
    let Some((key, seen)) = shared else {
        return page(&home_page(&ctx, newest, popular, members));
    };
    let shows = Shows {
        listings: newest.iter().chain(&popular).map(|c| c.id).collect(),
        members: newest
            .iter()
            .chain(&popular)
            .map(|c| c.seller_id)
            .chain(members.iter().map(|m| m.user_id))
            .collect(),
        lists: true,
        until: None,
    };
    let shared_ctx = shared_html::shared_ctx(&ctx);
    let body: Arc<str> =
        shared_html::render(&home_page(&shared_ctx, newest, popular, members))?.into();
    app.catalog.store_page(seen, key, body.clone(), shows);
    Ok(shared_html::serve(&ctx, &body))
}

fn home_page(
    ctx: &Ctx,
    newest: Vec<ServiceCard>,
    popular: Vec<ServiceCard>,
    members: Vec<ProfileView>,
) -> HomePage<'_> {
    let members = members
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
    HomePage {
        categories: top_level_links(ctx),
        newest: cards(ctx, newest),
        popular: cards(ctx, popular),
        ctx,
        members,
    }
}
