//! Follows (フォロー): the follow button (profile page and the service page's seller card),
//! the sellers a member follows, a seller's followers and favouriters, and the privacy switch
//! that keeps a member's name off those lists. Every form works without JavaScript.

use askama::Template;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::{Form, Router};
use yorozu_app::AppError;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::follows::{self, Fan};
use yorozu_domain::UserId;

use crate::ctx::Ctx;
use crate::error::{PageError, PageResult};
use crate::pages::extract::{MaybeSignedIn, PathId, SignedIn};
use crate::render::{page, redirect_with_flash, safe_next};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/users/{id}/follow", post(toggle))
        .route("/settings/following", get(following))
        .route("/sales/fans", get(fans))
        .route("/settings/privacy", get(privacy).post(save_privacy))
}

/// What the follow button shows (`_follow_macros.html`).
pub(crate) struct FollowButton {
    pub seller_id: UserId,
    /// The viewer follows the seller now.
    pub on: bool,
    pub signed_in: bool,
    /// Where the form returns to.
    pub next: String,
    /// 「フォロワー 3人」.
    pub followers: String,
}

impl FollowButton {
    /// The button for `viewer` on a page of `seller_id` at `next`; `None` for the seller
    /// themselves (they see the count only).
    pub(crate) async fn for_viewer(
        state: &AppState,
        ctx: &Ctx,
        viewer: Option<&CurrentUser>,
        seller_id: UserId,
        next: &str,
    ) -> Result<FollowButton, PageError> {
        let count = follows::follower_count(&state.app, seller_id).await?;
        let on = match viewer {
            Some(v) if v.id != seller_id => {
                let seen = yorozu_app::catalog::sync(&state.app).await?;
                follows::is_following(&state.app, seen, v, seller_id).await?
            }
            _ => false,
        };
        Ok(FollowButton {
            seller_id,
            on,
            signed_in: viewer.is_some_and(|v| v.id != seller_id),
            next: next.to_owned(),
            followers: ctx.t1("follow-followers", "count", count),
        })
    }
}

#[derive(serde::Deserialize)]
struct ToggleForm {
    #[serde(default)]
    follow: String,
    #[serde(default)]
    next: Option<String>,
}

async fn toggle(
    State(state): State<AppState>,
    ctx: Ctx,
    PathId(id): PathId<UserId>,
    MaybeSignedIn(viewer): MaybeSignedIn,
    form: Result<Form<ToggleForm>, FormRejection>,
) -> PageResult {
    let Some(user) = viewer.as_ref() else {
        let login = format!(
            "/login?next={}",
            urlencoding::encode(&format!("/users/{id}"))
        );
        return Ok(Redirect::to(&login).into_response());
    };
    let Form(form) = form.map_err(|_| PageError(AppError::BadRequest("error-bad-body")))?;
    let wanted = match form.follow.as_str() {
        "1" => true,
        "0" => false,
        _ => return Err(PageError(AppError::BadRequest("error-bad-body"))),
    };
    let on = follows::set(&state.app, user, id, wanted).await?;
    let next = match form.next.as_deref().filter(|n| !n.is_empty()) {
        Some(n) if safe_next(Some(n)) == n => n.to_owned(),
        _ => format!("/users/{id}"),
    };
    let flash = if on {
        "flash-follow-added"
    } else {
        "flash-follow-removed"
    };
    Ok(redirect_with_flash(&ctx, &next, flash))
}

struct FollowedItem {
    button: FollowButton,
    name: String,
    since: String,
}

#[derive(Template)]
#[template(path = "settings_following.html")]
struct FollowingPage<'a> {
    ctx: &'a Ctx,
    section: &'static str,
    items: Vec<FollowedItem>,
}

async fn following(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
) -> PageResult {
    let rows = follows::following(&state.app, user).await?;
    let items = rows
        .into_iter()
        .map(|f| FollowedItem {
            button: FollowButton {
                seller_id: f.seller_id,
                on: true,
                signed_in: true,
                next: "/settings/following".into(),
                followers: String::new(),
            },
            name: f.display_name,
            since: ctx.t1("following-since", "date", ctx.date(&f.since)),
        })
        .collect();
    page(&FollowingPage {
        ctx: &ctx,
        section: "following",
        items,
    })
}

/// One line of a seller's list.
struct FanItem {
    /// The member's profile link and name, or None for a hidden member.
    member: Option<(UserId, String)>,
    service: Option<(i64, String)>,
    date: String,
}

fn fan_items(ctx: &Ctx, fans: Vec<Fan>) -> Vec<FanItem> {
    fans.into_iter()
        .map(|f| FanItem {
            member: f.user_id.zip(f.display_name),
            service: f.listing.map(|(id, title)| (id.get(), title)),
            date: ctx.date(&f.at),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "sales_fans.html")]
struct FansPage<'a> {
    ctx: &'a Ctx,
    follower_count: i64,
    followers: Vec<FanItem>,
    favouriters: Vec<FanItem>,
}

async fn fans(State(state): State<AppState>, ctx: Ctx, SignedIn(ref user): SignedIn) -> PageResult {
    let fans = follows::fans(&state.app, user).await?;
    page(&FansPage {
        ctx: &ctx,
        follower_count: fans.follower_count,
        followers: fan_items(&ctx, fans.followers),
        favouriters: fan_items(&ctx, fans.favouriters),
    })
}

#[derive(Template)]
#[template(path = "settings_privacy.html")]
struct PrivacyPage<'a> {
    ctx: &'a Ctx,
    section: &'static str,
    listed: bool,
}

async fn privacy(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
) -> PageResult {
    let listed = follows::listed_to_sellers(&state.app, user).await?;
    page(&PrivacyPage {
        ctx: &ctx,
        section: "privacy",
        listed,
    })
}

#[derive(serde::Deserialize)]
struct PrivacyForm {
    /// A checkbox: present ("1") when ticked.
    #[serde(default)]
    listed: Option<String>,
}

async fn save_privacy(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    form: Result<Form<PrivacyForm>, FormRejection>,
) -> PageResult {
    let Form(form) = form.map_err(|_| PageError(AppError::BadRequest("error-bad-body")))?;
    let listed = form.listed.is_some_and(|v| v == "1");
    follows::set_listed_to_sellers(&state.app, user, listed).await?;
    Ok(redirect_with_flash(
        &ctx,
        "/settings/privacy",
        "flash-privacy-saved",
    ))
}
