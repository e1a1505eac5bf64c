//! Blocks on the pages: 「ブロックする」 / 「ブロックを解除する」 on a member's profile and in the
//! talk room, and the list 「ブロックしたユーザー」 in the settings to lift them.

use askama::Template;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::safety::blocks;
use yorozu_domain::UserId;

use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::pages::extract::{PathId, SignedIn};
use crate::render::{page, redirect_with_flash};
use crate::state::AppState;

const LIST: &str = "/settings/blocks";

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route(LIST, get(list))
        .route("/users/{id}/block", post(block))
        .route("/users/{id}/unblock", post(unblock))
}

/// The block or unblock button for another member, and where it comes back to.
#[derive(Debug)]
pub struct BlockButton {
    pub blocking: bool,
    pub action: String,
    pub back: String,
}

impl BlockButton {
    /// The button for `viewer` about `other` on the page `back`; `None` for oneself.
    pub async fn for_viewer(
        state: &AppState,
        viewer: &CurrentUser,
        other: UserId,
        back: &str,
    ) -> Result<Option<BlockButton>, yorozu_app::AppError> {
        if viewer.id == other {
            return Ok(None);
        }
        let blocking = blocks::is_blocking(&state.app, viewer, other).await?;
        Ok(Some(BlockButton {
            blocking,
            action: format!(
                "/users/{other}/{}",
                if blocking { "unblock" } else { "block" }
            ),
            back: back.to_owned(),
        }))
    }
}

/// One blocked member as the list shows them.
struct BlockedRow {
    name: String,
    since: String,
    unblock: String,
    /// The button's label with the name, for screen readers reading the button alone.
    unblock_label: String,
}

#[derive(Template)]
#[template(path = "settings_blocks.html")]
struct BlocksPage<'a> {
    ctx: &'a Ctx,
    section: &'static str,
    rows: Vec<BlockedRow>,
}

async fn list(State(state): State<AppState>, ctx: Ctx, SignedIn(ref user): SignedIn) -> PageResult {
    let rows = blocks::list(&state.app, user)
        .await?
        .into_iter()
        .map(|b| {
            let name = b
                .display_name
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| ctx.t("block-member-gone"));
            BlockedRow {
                unblock_label: ctx.tr.ta(
                    "block-unblock-named",
                    [("name", yorozu_i18n::Arg::from(&name))],
                ),
                since: ctx.date(&b.blocked_at),
                unblock: format!("/users/{}/unblock", b.user_id),
                name,
            }
        })
        .collect();
    page(&BlocksPage {
        ctx: &ctx,
        section: "blocks",
        rows,
    })
}

#[derive(Debug, Default, Deserialize)]
struct BackForm {
    #[serde(default)]
    back: String,
}

/// Where to go after the button: the page it was pressed on when that is one of ours (a path
/// of letters, digits and `/`, never `//host`), else the block list.
fn back_to(form: &BackForm) -> &str {
    let b = form.back.as_str();
    let local = b.starts_with('/')
        && !b.starts_with("//")
        && b.len() <= 100
        && b.bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'/' | b'-' | b'_'));
    if local { b } else { LIST }
}

async fn block(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<UserId>,
    form: Result<Form<BackForm>, FormRejection>,
) -> PageResult {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    blocks::block(&state.app, user, id).await?;
    Ok(redirect_with_flash(&ctx, back_to(&form), "flash-blocked"))
}

async fn unblock(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<UserId>,
    form: Result<Form<BackForm>, FormRejection>,
) -> PageResult {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    blocks::unblock(&state.app, user, id).await?;
    Ok(redirect_with_flash(&ctx, back_to(&form), "flash-unblocked"))
}
