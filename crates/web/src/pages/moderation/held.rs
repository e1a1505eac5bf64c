//! Held services on the seller's services page: why each is hidden, and the button that asks
//! the operators for a review (再審査を依頼する).

use axum::Router;
use axum::extract::State;
use axum::routing::post;
use yorozu_app::App;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::moderation::holds;
use yorozu_domain::ListingId;

use crate::ctx::Ctx;
use crate::error::{PageError, PageResult};
use crate::pages::extract::{PathId, SignedIn};
use crate::render::redirect_with_flash;
use crate::state::AppState;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/listings/{id}/review-request", post(request_review))
}

/// One held service, as the banner shows it.
pub(crate) struct HeldBanner {
    pub listing_id: ListingId,
    pub text: String,
    pub reason: String,
    /// Hidden by an operator: the seller may ask for a review (unless they did).
    pub can_request: bool,
    /// 「…に再審査を依頼しました」 once asked.
    pub requested: Option<String>,
}

/// The banners for the seller's held services; `title_of` names a service by its id.
pub(crate) async fn held_banners(
    app: &App,
    ctx: &Ctx,
    seller: &CurrentUser,
    title_of: impl Fn(ListingId) -> String,
) -> Result<Vec<HeldBanner>, PageError> {
    Ok(holds::mine(app, seller)
        .await?
        .into_iter()
        .map(|h| {
            let title = title_of(h.listing_id);
            HeldBanner {
                listing_id: h.listing_id,
                text: if h.hidden {
                    ctx.t1("moderation-held-hidden", "title", title)
                } else {
                    ctx.t1("moderation-held-suspension", "title", title)
                },
                reason: ctx.t1("moderation-held-reason", "reason", h.reason),
                can_request: h.hidden && h.review_requested_at.is_none(),
                requested: h
                    .review_requested_at
                    .map(|at| ctx.t1("moderation-held-review-requested", "date", ctx.date(&at))),
            }
        })
        .collect())
}

async fn request_review(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(listing_id): PathId<ListingId>,
) -> PageResult {
    holds::request_review(&state.app, user, listing_id).await?;
    Ok(redirect_with_flash(
        &ctx,
        "/settings/listings",
        "moderation-review-requested",
    ))
}
