//! Writing and sending the newsletter (メルマガ).

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;
use axum::{Form, Router};
use serde::Deserialize;
use yorozu_app::mail::newsletter::{self, MAX_BODY_CHARS, MAX_SUBJECT_CHARS};

use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult, form_or_page};
use crate::pages::extract::Operator;
use crate::render::page_with_status;
use crate::state::AppState;

const PATH: &str = "/operator/newsletter";

pub fn routes() -> Router<AppState> {
    Router::new().route(PATH, get(compose).post(send))
}

#[derive(Template)]
#[template(path = "operator_newsletter.html")]
struct NewsletterPage<'a> {
    ctx: &'a Ctx,
    errors: FormErrors,
    subject: String,
    body: String,
    /// After sending: how many copies were queued.
    queued: Option<String>,
    subject_max: usize,
    body_max: usize,
}

impl<'a> NewsletterPage<'a> {
    fn new(
        ctx: &'a Ctx,
        errors: FormErrors,
        subject: String,
        body: String,
        queued: Option<i64>,
    ) -> Self {
        NewsletterPage {
            ctx,
            errors,
            subject,
            body,
            queued: queued.map(|n| {
                if n == 0 {
                    ctx.t("newsletter-queued-none")
                } else {
                    ctx.t1("newsletter-queued", "count", n)
                }
            }),
            subject_max: MAX_SUBJECT_CHARS,
            body_max: MAX_BODY_CHARS,
        }
    }
}

#[derive(Debug, Deserialize)]
struct SentQuery {
    queued: Option<String>,
}

async fn compose(ctx: Ctx, _: Operator, Query(q): Query<SentQuery>) -> PageResult {
    let queued = q
        .queued
        .and_then(|n| n.parse::<i64>().ok())
        .filter(|n| *n >= 0);
    page_with_status(
        StatusCode::OK,
        &NewsletterPage::new(
            &ctx,
            FormErrors::default(),
            String::new(),
            String::new(),
            queued,
        ),
    )
}

#[derive(Debug, Deserialize)]
struct NewsletterForm {
    #[serde(default)]
    subject: String,
    #[serde(default)]
    body: String,
}

async fn send(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
    Form(form): Form<NewsletterForm>,
) -> PageResult {
    match newsletter::send(&state.app, operator.id, &form.subject, &form.body).await {
        // Redirect after the POST so that reloading the page cannot send the newsletter twice.
        Ok(queued) => Ok(Redirect::to(&format!("{PATH}?queued={queued}")).into_response()),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            page_with_status(
                status,
                &NewsletterPage::new(&ctx, errors, form.subject, form.body, None),
            )
        }
    }
}
