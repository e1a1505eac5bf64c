//! Payment cards (お支払い方法): list, add and remove the member's registered cards.
//!
//! The card number and security code go straight to the use case, which tokenises them and
//! keeps only the provider's token, brand, last four digits and expiry. Neither is ever sent
//! back into the form (not even after an error); the expiry is.

use askama::Template;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use yorozu_app::payments::cards::{self, Card};
use yorozu_i18n::Arg;

use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult, form_or_page};
use crate::pages::extract::{PathId, SignedIn};
use crate::render::{page_with_status, redirect_with_flash};
use crate::state::AppState;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/settings/cards", get(list).post(add))
        .route("/settings/cards/{id}/delete", post(delete))
}

/// One registered card as listed.
struct CardRow {
    id: i64,
    brand: String,
    last4: String,
    expiry: String,
    registered: String,
    delete_label: String,
}

#[derive(Template)]
#[template(path = "settings_cards.html")]
struct CardsPage<'a> {
    ctx: &'a Ctx,
    section: &'static str,
    cards: Vec<CardRow>,
    errors: FormErrors,
    /// The expiry as typed, kept when the form is shown again (the number and code are not).
    exp: String,
}

async fn list(State(state): State<AppState>, ctx: Ctx, SignedIn(ref user): SignedIn) -> PageResult {
    let cards = cards::list_cards(&state.app, user).await?;
    render(
        &ctx,
        cards,
        StatusCode::OK,
        FormErrors::default(),
        String::new(),
    )
}

#[derive(Deserialize)]
struct AddForm {
    #[serde(default)]
    number: String,
    #[serde(default)]
    exp: String,
    #[serde(default)]
    cvc: String,
}

async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    form: Result<Form<AddForm>, FormRejection>,
) -> PageResult {
    let form = form.map(|Form(f)| f).unwrap_or(AddForm {
        number: String::new(),
        exp: String::new(),
        cvc: String::new(),
    });
    match cards::register_card(&state.app, user, &form.number, &form.exp, &form.cvc).await {
        Ok(_) => Ok(redirect_with_flash(
            &ctx,
            "/settings/cards",
            "flash-card-added",
        )),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            let cards = cards::list_cards(&state.app, user).await?;
            render(&ctx, cards, status, errors, form.exp)
        }
    }
}

async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId,
) -> PageResult {
    cards::delete_card(&state.app, user, id).await?;
    Ok(redirect_with_flash(
        &ctx,
        "/settings/cards",
        "flash-card-deleted",
    ))
}

fn render(
    ctx: &Ctx,
    cards: Vec<Card>,
    status: StatusCode,
    errors: FormErrors,
    exp: String,
) -> PageResult {
    let cards = cards.into_iter().map(|c| row(ctx, c)).collect();
    let mut response = page_with_status(
        status,
        &CardsPage {
            ctx,
            section: "cards",
            cards,
            errors,
            exp,
        },
    )?;
    // Card details must not linger in caches or the back-forward history.
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}

fn row(ctx: &Ctx, c: Card) -> CardRow {
    let key = format!("card-brand-{}", c.brand);
    let brand = if ctx.tr.has(&key) {
        ctx.t(&key)
    } else {
        ctx.t("card-brand-other")
    };
    let delete_label = ctx.tr.ta(
        "cards-delete-label",
        [("brand", Arg::from(&brand)), ("last4", Arg::from(&c.last4))],
    );
    CardRow {
        id: c.id,
        expiry: format!("{:02}/{:02}", c.exp_month, c.exp_year % 100),
        registered: ctx.date(&c.created_at),
        brand,
        last4: c.last4,
        delete_label,
    }
}
