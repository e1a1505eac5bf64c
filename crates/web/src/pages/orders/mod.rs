//! The order pages (取引): the final confirmation screen (最終確認画面) and placing an order,
//! the order page with its actions and talk room, attachments for download, and a member's
//! lists of purchases and sales. Every page needs a signed-in member; an order is shown only
//! to its buyer and seller (anyone else gets "not found", as the use cases decide).
//!
//! Every form works without JavaScript: actions are plain POST forms that redirect (303) back
//! to the order page with a notice, or show the page again with the form's messages. Forms that
//! carry files are multipart, with the CSRF token in the action URL (the CSRF check does not
//! read multipart bodies).

mod actions;
mod changes_panel;
mod confirm;
mod dispute_panel;
mod files;
mod list;
mod show;
mod tips_panel;

use axum::Router;
use axum::routing::get;
use yorozu_domain::orders::OrderState;

use crate::ctx::Ctx;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/orders", get(list::list).post(confirm::place))
        .route("/orders/new", get(confirm::show))
        .route("/orders/{id}", get(show::show))
        .route("/orders/{id}/files/{attachment_id}", get(files::download))
        .merge(actions::routes())
        .merge(dispute_panel::routes())
        .merge(changes_panel::routes())
        .merge(tips_panel::routes())
}

/// The state's label: 「作業中」, 「納品済み（承認待ち）」 ...
fn state_label(ctx: &Ctx, state: OrderState) -> String {
    ctx.t(&format!("orders-state-{}", state.as_str()))
}

/// An amount in the page's language (the same form as the service page).
fn yen(ctx: &Ctx, amount: i64) -> String {
    crate::pages::discovery::yen(ctx, amount)
}

/// A discount as a negative amount: 「-500円」.
fn minus_yen(ctx: &Ctx, amount: i64) -> String {
    yen(ctx, -amount)
}

/// A card's brand as the settings page names it (「Visa」, 「カード」 for unknown brands).
fn brand_label(ctx: &Ctx, brand: &str) -> String {
    let key = format!("card-brand-{brand}");
    if ctx.tr.has(&key) {
        ctx.t(&key)
    } else {
        ctx.t("card-brand-other")
    }
}

/// A registered card as a payment choice: 「Visa ****4242（有効期限 12/30）」.
pub(super) struct CardChoice {
    id: i64,
    label: String,
    checked: bool,
}

pub(super) fn card_choices(
    ctx: &Ctx,
    cards: Vec<yorozu_app::payments::cards::Card>,
    selected: Option<i64>,
) -> Vec<CardChoice> {
    cards
        .into_iter()
        .map(|c| CardChoice {
            id: c.id,
            checked: selected == Some(c.id),
            label: ctx.tr.ta(
                "orders-card-label",
                [
                    ("brand", brand_label(ctx, &c.brand).into()),
                    ("last4", c.last4.into()),
                    (
                        "expiry",
                        format!("{:02}/{:02}", c.exp_month, c.exp_year % 100).into(),
                    ),
                ],
            ),
        })
        .collect()
}
