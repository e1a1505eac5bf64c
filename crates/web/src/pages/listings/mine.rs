//! 出品サービス (/settings/listings): the seller's own services with their status, price and
//! last update, links to edit and view them, and the status actions the status machine allows.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use yorozu_app::listings::manage;
use yorozu_domain::ListingId;
use yorozu_domain::listings::{ListingStatus, categories};

use super::form::{ActionButton, action_buttons};
use super::{grouped, status_label_key};
use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::pages::extract::SignedIn;
use crate::render::page_with_status;
use crate::state::AppState;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/settings/listings", get(list))
        // The list's natural address beside /listings/new and /listings/{id}/….
        .route(
            "/listings/mine",
            get(|| async { axum::response::Redirect::to("/settings/listings") }),
        )
}

/// One service in the list.
struct Row {
    id: ListingId,
    title: String,
    status: &'static str,
    status_label: String,
    price: String,
    updated: String,
    view_text: String,
    view_label: String,
    edit_label: String,
    /// The analytics link's accessible name: 「「…」のアクセス解析」.
    analytics_label: String,
    /// The share page's link and its accessible name, for a published service.
    share: Option<String>,
    /// The hints link's accessible name: 「「…」の改善のヒント」.
    hints_label: String,
    /// The sellers' page of the service's category, and its link's accessible name.
    category_href: String,
    category_label: String,
    actions: Vec<ActionButton>,
}

#[derive(Template)]
#[template(path = "listings_mine.html")]
struct MinePage<'a> {
    ctx: &'a Ctx,
    section: &'static str,
    rows: Vec<Row>,
    needs_email: bool,
    /// Services held back by moderation, with why and the review button.
    held: Vec<crate::pages::moderation::HeldBanner>,
}

async fn list(State(state): State<AppState>, ctx: Ctx, SignedIn(ref user): SignedIn) -> PageResult {
    let listings = manage::mine(&state.app, user).await?;
    let titles: Vec<(ListingId, String)> =
        listings.iter().map(|l| (l.id, l.title.clone())).collect();
    let held = crate::pages::moderation::held_banners(&state.app, &ctx, user, |id| {
        titles
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, t)| t.clone())
            .unwrap_or_default()
    })
    .await?;
    let rows = listings
        .into_iter()
        .map(|l| {
            let status = l.status;
            let view_key = if status == ListingStatus::Draft {
                "listings-preview"
            } else {
                "listings-view-public"
            };
            let view_text = ctx.t(view_key);
            Row {
                status: status.as_str(),
                status_label: ctx.t(status_label_key(status)),
                price: ctx.t1("listings-price", "amount", grouped(l.price.get())),
                updated: ctx.datetime(&l.updated_at),
                view_label: ctx.t1(&format!("{view_key}-label"), "title", &l.title),
                view_text,
                edit_label: ctx.t1("listings-edit-label", "title", &l.title),
                analytics_label: ctx.t1("analytics-link-label", "title", &l.title),
                share: (status == ListingStatus::Published)
                    .then(|| ctx.t1("share-link-label-title", "title", &l.title)),
                hints_label: ctx.t1("hints-link-label", "title", &l.title),
                category_href: categories::by_id(l.category_id)
                    .map(crate::pages::sales::hints::category_href)
                    .unwrap_or_else(|| "/sales/hints".into()),
                category_label: ctx.t1("hints-category-short-label", "title", &l.title),
                actions: action_buttons(&ctx, status, &l.title),
                id: l.id,
                title: l.title,
            }
        })
        .collect();
    page_with_status(
        StatusCode::OK,
        &MinePage {
            ctx: &ctx,
            section: "listings",
            rows,
            needs_email: !user.email_verified,
            held,
        },
    )
}
