//! Identity verification (本人確認) for members: why it helps, which documents are accepted,
//! how the image is handled, where the member stands, and the upload form.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::http::StatusCode;
use axum::routing::get;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::identity::{self, IdentityState, submit};
use yorozu_domain::identity::{DocumentKind, IdentityStatus};

use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult, form_or_page};
use crate::pages::extract::SignedIn;
use crate::render::{page_with_status, redirect_with_flash};
use crate::state::AppState;

const PATH: &str = "/settings/identity";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(PATH, get(show).post(upload))
        .route("/settings/identity/delete", axum::routing::post(delete))
}

/// The label of a document kind key (the key itself if it is unknown, which it never should be).
pub(crate) fn kind_label(ctx: &Ctx, kind: &str) -> String {
    let key = format!("identity-kind-{kind}");
    if ctx.tr.has(&key) {
        ctx.t(&key)
    } else {
        kind.to_owned()
    }
}

/// One choice of the document-kind select.
struct KindOption {
    value: &'static str,
    label: String,
    selected: bool,
}

#[derive(Template)]
#[template(path = "identity_settings.html")]
struct IdentityPage<'a> {
    ctx: &'a Ctx,
    /// `none`, `pending`, `approved` or `rejected`.
    status: String,
    status_label: String,
    state_text: String,
    /// What happened or will happen to the image of a decided document.
    file_note: Option<String>,
    reason_lines: Vec<String>,
    email_verified: bool,
    can_submit: bool,
    /// Documents are on record and none is under review: the member may delete them.
    can_delete: bool,
    kinds: Vec<KindOption>,
    errors: FormErrors,
    retention_text: String,
    document_hint: String,
}

impl<'a> IdentityPage<'a> {
    fn new(
        app: &yorozu_app::App,
        ctx: &'a Ctx,
        user: &CurrentUser,
        state: &IdentityState,
        selected: &str,
        errors: FormErrors,
    ) -> Self {
        let status = state.status;
        let status_key = status.map_or("none", IdentityStatus::as_str);
        let date = |at: Option<i64>| at.map(|t| ctx.date(&t)).unwrap_or_default();
        let state_text = match status {
            Some(IdentityStatus::Pending) => {
                ctx.t1("identity-state-pending", "date", date(state.submitted_at))
            }
            Some(IdentityStatus::Approved) => {
                ctx.t1("identity-state-approved", "date", date(state.decided_at))
            }
            Some(IdentityStatus::Rejected) => {
                ctx.t1("identity-state-rejected", "date", date(state.decided_at))
            }
            None => ctx.t("identity-state-none"),
        };
        let file_note = match (state.file_erased_at, state.file_erase_after) {
            _ if matches!(status, None | Some(IdentityStatus::Pending)) => None,
            (Some(at), _) => Some(ctx.t1("identity-state-file-erased", "date", ctx.date(&at))),
            (None, Some(at)) => {
                Some(ctx.t1("identity-state-file-will-be-erased", "date", ctx.date(&at)))
            }
            (None, None) => None,
        };
        let reason_lines = match status {
            Some(IdentityStatus::Rejected) => state
                .rejection_reason
                .as_deref()
                .unwrap_or("")
                .lines()
                .map(str::to_owned)
                .collect(),
            _ => vec![],
        };
        let can_submit =
            user.email_verified && matches!(status, None | Some(IdentityStatus::Rejected));
        let can_delete = state.kind.is_some() && status != Some(IdentityStatus::Pending);
        IdentityPage {
            ctx,
            status_label: ctx.t(&format!("identity-status-{status_key}")),
            status: status_key.to_owned(),
            state_text,
            file_note,
            reason_lines,
            email_verified: user.email_verified,
            can_submit,
            can_delete,
            kinds: DocumentKind::ALL
                .into_iter()
                .map(|k| KindOption {
                    value: k.as_str(),
                    label: kind_label(ctx, k.as_str()),
                    selected: k.as_str() == selected,
                })
                .collect(),
            errors,
            retention_text: ctx.t1(
                "identity-handling-erased",
                "days",
                app.policy.identity_file_retention_days,
            ),
            document_hint: ctx.t1(
                "identity-field-document-hint",
                "max_mb",
                app.policy.identity_max_bytes / crate::upload::MIB,
            ),
        }
    }
}

async fn show(State(state): State<AppState>, ctx: Ctx, SignedIn(ref user): SignedIn) -> PageResult {
    let current = identity::current(&state.app, user.id).await?;
    page_with_status(
        StatusCode::OK,
        &IdentityPage::new(&state.app, &ctx, user, &current, "", FormErrors::default()),
    )
}

/// The upload (multipart; the CSRF token travels in the action URL's query).
async fn upload(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    multipart: Result<Multipart, MultipartRejection>,
) -> PageResult {
    let max_bytes = state.app.policy.identity_max_bytes;
    let form = crate::upload::read(multipart, "document", max_bytes).await;
    let kind = form.text("kind");
    let result = match form.file {
        Ok(document) => submit::submit(&state.app, user, &kind, document)
            .await
            .map(|_| ()),
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(redirect_with_flash(&ctx, PATH, "identity-flash-submitted")),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            let current = identity::current(&state.app, user.id).await?;
            page_with_status(
                status,
                &IdentityPage::new(&state.app, &ctx, user, &current, &kind, errors),
            )
        }
    }
}

/// Deletes the member's documents (images and records); the verification stays.
async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
) -> PageResult {
    match identity::remove::remove(&state.app, user).await {
        Ok(_) => Ok(redirect_with_flash(&ctx, PATH, "identity-flash-deleted")),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            let current = identity::current(&state.app, user.id).await?;
            page_with_status(
                status,
                &IdentityPage::new(&state.app, &ctx, user, &current, "", errors),
            )
        }
    }
}
