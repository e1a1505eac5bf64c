//! Friend invitations (友達招待): the member's invite link with a message ready to send, the
//! link's landing page that remembers the inviter (a cookie, read at sign-up), and the
//! operators' page of the invitation graph's counts.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use yorozu_app::AppError;
use yorozu_app::promotions::invitations;
use yorozu_i18n::Arg;

use crate::cookies;
use crate::ctx::{Ctx, push_cookie};
use crate::error::PageResult;
use crate::pages::extract::{MaybeSignedIn, Operator, SignedIn};
use crate::render::{page, page_with_status};
use crate::state::AppState;

/// How long the invite cookie waits for the sign-up (30 days).
const INVITE_COOKIE_SECONDS: i64 = 30 * 86_400;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/settings/invite", get(mine))
        .route("/invite/{code}", get(landing))
        .route("/operator/invitations", get(graph))
}

#[derive(Template)]
#[template(path = "settings_invite.html")]
struct InvitePage<'a> {
    ctx: &'a Ctx,
    section: &'static str,
    url: String,
    intro: String,
    share_text: String,
    counts: String,
}

async fn mine(State(state): State<AppState>, ctx: Ctx, SignedIn(ref user): SignedIn) -> PageResult {
    let invite = invitations::mine(&state.app, user).await?;
    page(&InvitePage {
        ctx: &ctx,
        section: "invite",
        intro: ctx.tr.ta(
            "invite-intro",
            [
                ("invitee", Arg::from(invite.invitee_points)),
                ("inviter", Arg::from(invite.inviter_points)),
                ("cap", Arg::from(invite.monthly_cap)),
            ],
        ),
        share_text: ctx.tr.ta(
            "invite-share-text",
            [
                ("invitee", Arg::from(invite.invitee_points)),
                ("url", Arg::from(invite.url.as_str())),
            ],
        ),
        counts: ctx.tr.ta(
            "invite-counts",
            [
                ("invited", Arg::from(invite.invited)),
                ("rewarded", Arg::from(invite.rewarded)),
            ],
        ),
        url: invite.url,
    })
}

#[derive(Template)]
#[template(path = "invite_landing.html")]
struct LandingPage<'a> {
    ctx: &'a Ctx,
    /// The invitation's text, or None when the link cannot be used.
    body: Option<String>,
    /// Why the link cannot be used.
    refusal: Option<String>,
}

async fn landing(
    State(state): State<AppState>,
    ctx: Ctx,
    MaybeSignedIn(viewer): MaybeSignedIn,
    Path(code): Path<String>,
) -> PageResult {
    match invitations::check_code(&state.app, &code, viewer.as_ref()).await {
        Ok(inviter) => {
            let name = invitations::inviter_name(&state.app, inviter).await?;
            let body = ctx.tr.ta(
                "invite-landing-body",
                [
                    ("name", Arg::from(name.as_str())),
                    (
                        "points",
                        Arg::from(state.app.policy.invite_reward_invitee_points),
                    ),
                ],
            );
            let mut response = page(&LandingPage {
                ctx: &ctx,
                body: Some(body),
                refusal: None,
            })?;
            push_cookie(
                response.headers_mut(),
                &cookies::set(
                    cookies::INVITE,
                    &code,
                    Some(INVITE_COOKIE_SECONDS),
                    ctx.secure,
                ),
            );
            Ok(response)
        }
        Err(e) => {
            let (status, key) = match e {
                AppError::Conflict(key) => (StatusCode::CONFLICT, key),
                AppError::NotFound => (StatusCode::NOT_FOUND, "invite-landing-unknown"),
                other => return Err(other.into()),
            };
            page_with_status(
                status,
                &LandingPage {
                    ctx: &ctx,
                    body: None,
                    refusal: Some(ctx.t(key)),
                },
            )
        }
    }
}

struct InviterItem {
    user_id: i64,
    name: String,
    invited: i64,
    rewarded: i64,
}

#[derive(Template)]
#[template(path = "operator_invitations.html")]
struct GraphPage<'a> {
    ctx: &'a Ctx,
    totals: String,
    inviters: Vec<InviterItem>,
}

async fn graph(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
) -> PageResult {
    let graph = invitations::graph(&state.app, operator).await?;
    page(&GraphPage {
        ctx: &ctx,
        totals: ctx.tr.ta(
            "operator-invitations-totals",
            [
                ("invitations", Arg::from(graph.invitations)),
                ("rewards", Arg::from(graph.rewards)),
            ],
        ),
        inviters: graph
            .inviters
            .into_iter()
            .map(|i| InviterItem {
                user_id: i.user_id.get(),
                name: if i.display_name.is_empty() {
                    ctx.t("operator-member-gone")
                } else {
                    i.display_name
                },
                invited: i.invited,
                rewarded: i.rewarded,
            })
            .collect(),
    })
}
