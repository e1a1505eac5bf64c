//! 「見積り相談する」: the form on its own page (linked from the service page) and sending it,
//! which opens the consultation and goes to it.

use askama::Template;
use axum::extract::State;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::http::StatusCode;
use yorozu_app::offers::consultation_path;
use yorozu_app::safety::checked::{self, Checked};
use yorozu_domain::ListingId;

use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult, form_or_page};
use crate::pages::extract::{PathId, SignedIn};
use crate::pages::safety::{self, notice::ContactNotice};
use crate::render::{page_with_status, redirect_with_flash};
use crate::state::AppState;
use crate::upload::read_files;

#[derive(Template)]
#[template(path = "consultation_ask.html")]
struct AskPage<'a> {
    ctx: &'a Ctx,
    listing_id: ListingId,
    title: String,
    body: String,
    errors: FormErrors,
    warning: Option<ContactNotice>,
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    listing_id: ListingId,
    status: StatusCode,
    body: String,
    errors: FormErrors,
    warning: Option<ContactNotice>,
) -> PageResult {
    let title = yorozu_app::offers::view::listing_title(&state.app, listing_id).await?;
    page_with_status(
        status,
        &AskPage {
            ctx,
            listing_id,
            title,
            body,
            errors,
            warning,
        },
    )
}

pub(super) async fn form(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(_): SignedIn,
    PathId(listing_id): PathId<ListingId>,
) -> PageResult {
    let errors = FormErrors::new(ctx.tr, &[]);
    render(
        &state,
        &ctx,
        listing_id,
        StatusCode::OK,
        String::new(),
        errors,
        None,
    )
    .await
}

pub(super) async fn send(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(listing_id): PathId<ListingId>,
    multipart: Result<Multipart, MultipartRejection>,
) -> PageResult {
    let form = read_files(
        multipart,
        "files",
        state.web.max_body_bytes,
        "orders-files-too-large",
    )
    .await;
    let body = form.text("body");
    let acknowledged = safety::acknowledged(Some(&form.text(safety::ACKNOWLEDGE_FIELD)));
    let result = match form.files {
        Ok(files) => {
            checked::consult(&state.app, user, listing_id, &body, files, acknowledged).await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(Checked::Done(id)) => Ok(redirect_with_flash(
            &ctx,
            &consultation_path(id),
            "consultation-flash-sent",
        )),
        Ok(Checked::Warning(w)) => {
            let warning = Some(ContactNotice::new(&ctx, &w, "consult-body"));
            let errors = FormErrors::new(ctx.tr, &[]);
            let status = StatusCode::OK;
            render(&state, &ctx, listing_id, status, body, errors, warning).await
        }
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            render(&state, &ctx, listing_id, status, body, errors, None).await
        }
    }
}
