//! お知らせ (`/notifications`): the member's notifications, newest first, each a link through
//! `/notifications/{id}` that marks it read and leads to its page; and "mark all read".
//!
//! Opening is a GET on purpose (a plain link, also from a mail client or a new tab): it only
//! ever marks the requester's own notification read, which is idempotent and harmless if
//! forged, so it needs no CSRF token. Marking all read is a form with one.

use askama::Template;
use axum::Router;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use yorozu_app::notifications::centre;
use yorozu_domain::notifications::NotificationSubject;
use yorozu_domain::paging::parse_page;

use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::pages::extract::{PathId, SignedIn};
use crate::render::{page, redirect_with_flash};
use crate::state::AppState;

pub const PATH: &str = "/notifications";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(PATH, get(list))
        .route("/notifications/read-all", post(read_all))
        .route("/notifications/{id}", get(open))
}

/// One line of the list.
struct Line {
    id: i64,
    text: String,
    subject: String,
    created_at: i64,
    read: bool,
}

#[derive(Template)]
#[template(path = "notifications.html")]
struct CentrePage<'a> {
    ctx: &'a Ctx,
    lines: Vec<Line>,
    unread: i64,
    page: i64,
    pages: i64,
    page_label: String,
}

#[derive(Debug, serde::Deserialize)]
struct PageQuery {
    #[serde(default)]
    page: Option<String>,
}

/// What the subject is called in the list (the link goes to its page).
fn subject_label(ctx: &Ctx, subject: NotificationSubject) -> String {
    use NotificationSubject as S;
    match subject {
        S::Order(id) | S::Message(id) | S::Dispute(id) => {
            ctx.t1("notification-subject-order", "id", id.to_string())
        }
        S::Payout(_) => ctx.t("notification-subject-payout"),
        S::Moderation => ctx.t("notification-subject-moderation"),
        S::Consultation(_) => ctx.t("notification-subject-consultation"),
        S::Request(_) => ctx.t("notification-subject-request"),
        S::Listing(_) => ctx.t("notification-subject-listing"),
    }
}

async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    query: Result<Query<PageQuery>, QueryRejection>,
) -> PageResult {
    let wanted = query
        .ok()
        .and_then(|Query(q)| q.page)
        .map_or(1, |p| parse_page(&p));
    let found = centre::page(&state.app, user.id, wanted).await?;
    let lines = found
        .notifications
        .into_iter()
        .map(|n| Line {
            id: n.id,
            text: ctx.t(&n.kind.message_id()),
            subject: subject_label(&ctx, n.subject),
            created_at: n.created_at,
            read: n.read,
        })
        .collect();
    let page_label = ctx.tr.tv(
        "notification-centre-page",
        &[("page", found.page.into()), ("pages", found.pages.into())],
    );
    page(&CentrePage {
        ctx: &ctx,
        lines,
        unread: found.unread,
        page: found.page,
        pages: found.pages,
        page_label,
    })
}

/// Marks the notification read and goes to its page; someone else's is not found.
async fn open(
    State(state): State<AppState>,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId,
) -> PageResult {
    let subject = centre::open(&state.app, user.id, id).await?;
    Ok(Redirect::to(&subject.path()).into_response())
}

async fn read_all(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
) -> PageResult {
    centre::mark_all_read(&state.app, user.id).await?;
    Ok(redirect_with_flash(
        &ctx,
        PATH,
        "flash-notifications-all-read",
    ))
}
