//! The operators' NG words for the contact-details rule (NGワード): list, add, remove. Every
//! change is audited by the use case.

use askama::Template;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use yorozu_app::safety::ng_words::{self, NG_WORD_MAX_CHARS, NgWord};

use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult, form_or_page};
use crate::pages::extract::{Operator, PathId};
use crate::render::{page_with_status, redirect_with_flash};
use crate::state::AppState;

const PATH: &str = "/operator/ng-words";

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route(PATH, get(show).post(add))
        .route("/operator/ng-words/{id}/remove", post(remove))
}

#[derive(Debug, Default, Deserialize)]
struct WordForm {
    #[serde(default)]
    word: String,
}

struct WordRow {
    word: String,
    added_at: String,
    remove: String,
    remove_label: String,
}

#[derive(Template)]
#[template(path = "operator_ng_words.html")]
struct NgWordsPage<'a> {
    ctx: &'a Ctx,
    rows: Vec<WordRow>,
    form: WordForm,
    errors: FormErrors,
    max: usize,
}

fn rows(ctx: &Ctx, words: Vec<NgWord>) -> Vec<WordRow> {
    words
        .into_iter()
        .map(|w| WordRow {
            remove_label: ctx.t1("ng-words-remove-named", "word", w.word.as_str()),
            added_at: ctx.date(&w.added_at),
            remove: format!("/operator/ng-words/{}/remove", w.id),
            word: w.word,
        })
        .collect()
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    operator: &yorozu_app::accounts::CurrentUser,
    form: WordForm,
    errors: FormErrors,
    status: StatusCode,
) -> PageResult {
    let words = ng_words::list(&state.app, operator).await?;
    page_with_status(
        status,
        &NgWordsPage {
            ctx,
            rows: rows(ctx, words),
            form,
            errors,
            max: NG_WORD_MAX_CHARS,
        },
    )
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
) -> PageResult {
    render(
        &state,
        &ctx,
        operator,
        WordForm::default(),
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
    form: Result<Form<WordForm>, FormRejection>,
) -> PageResult {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    match ng_words::add(&state.app, operator, &form.word).await {
        Ok(_) => Ok(redirect_with_flash(&ctx, PATH, "flash-ng-word-added")),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            render(&state, &ctx, operator, form, errors, status).await
        }
    }
}

async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
    PathId(id): PathId,
) -> PageResult {
    ng_words::remove(&state.app, operator, id).await?;
    Ok(redirect_with_flash(&ctx, PATH, "flash-ng-word-removed"))
}
