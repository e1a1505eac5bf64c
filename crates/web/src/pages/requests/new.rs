//! 「公開依頼を投稿する」: the form and posting it (multipart, with files). Texts with contact
//! details are held back with the warning until the buyer sends them anyway.

use askama::Template;
use axum::extract::State;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::http::StatusCode;
use yorozu_app::requests::form::RequestForm;
use yorozu_app::requests::request_path;
use yorozu_app::safety::checked::{self, Checked};

use super::{CategoryGroup, category_groups};
use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult, form_or_page};
use crate::pages::extract::SignedIn;
use crate::pages::safety::{self, notice::ContactNotice};
use crate::render::{page_with_status, redirect_with_flash};
use crate::state::AppState;
use crate::upload::read_files;

#[derive(Template)]
#[template(path = "request_form.html")]
struct FormPage<'a> {
    ctx: &'a Ctx,
    form: RequestForm,
    categories: Vec<CategoryGroup>,
    errors: FormErrors,
    contact: Option<ContactNotice>,
}

fn render(
    ctx: &Ctx,
    status: StatusCode,
    form: RequestForm,
    errors: FormErrors,
    contact: Option<ContactNotice>,
) -> PageResult {
    page_with_status(
        status,
        &FormPage {
            ctx,
            categories: category_groups(ctx, &form.category_id, false),
            form,
            errors,
            contact,
        },
    )
}

pub(super) async fn form(ctx: Ctx, SignedIn(_): SignedIn) -> PageResult {
    let errors = FormErrors::new(ctx.tr, &[]);
    let form = RequestForm {
        proposal_days: "7".into(),
        max_proposals: "10".into(),
        ..RequestForm::default()
    };
    render(&ctx, StatusCode::OK, form, errors, None)
}

pub(super) async fn send(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    multipart: Result<Multipart, MultipartRejection>,
) -> PageResult {
    let sent = read_files(
        multipart,
        "files",
        state.web.max_body_bytes,
        "orders-files-too-large",
    )
    .await;
    let form = RequestForm {
        category_id: sent.text("category_id"),
        title: sent.text("title"),
        description: sent.text("description"),
        budget_min: sent.text("budget_min"),
        budget_max: sent.text("budget_max"),
        desired_date: sent.text("desired_date"),
        proposal_days: sent.text("proposal_days"),
        max_proposals: sent.text("max_proposals"),
    };
    let acknowledged = safety::acknowledged(Some(&sent.text(safety::ACKNOWLEDGE_FIELD)));
    let result = match sent.files {
        Ok(files) => checked::post_request(&state.app, user, &form, files, acknowledged).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(Checked::Warning(warning)) => {
            let notice = ContactNotice::new(&ctx, &warning, "request-title");
            let errors = FormErrors::new(ctx.tr, &[]);
            render(&ctx, StatusCode::OK, form, errors, Some(notice))
        }
        Ok(Checked::Done(id)) => Ok(redirect_with_flash(
            &ctx,
            &request_path(id),
            "request-flash-posted",
        )),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            render(&ctx, status, form, errors, None)
        }
    }
}
