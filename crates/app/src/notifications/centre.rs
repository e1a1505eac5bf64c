//! The member's notification centre: the list (newest first, paged), opening one (which marks
//! it read and leads to its page) and marking all read. Only the owner sees or marks theirs.

use yorozu_domain::UserId;
use yorozu_domain::notifications::{NotificationKind, NotificationSubject};
use yorozu_domain::paging::clamp_page;
use yorozu_store::notification_centre::{self, NotificationRow};

use crate::{App, AppError, AppResult};

/// Notifications per page of the centre.
pub const PAGE_SIZE: i64 = 20;

/// One notification as the centre shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Notification {
    pub id: i64,
    pub kind: NotificationKind,
    pub subject: NotificationSubject,
    pub created_at: i64,
    pub read: bool,
}

impl From<NotificationRow> for Notification {
    fn from(row: NotificationRow) -> Notification {
        Notification {
            id: row.id,
            kind: row.kind,
            subject: NotificationSubject::from_parts(row.subject_kind, row.subject_id),
            created_at: row.created_at,
            read: row.read_at.is_some(),
        }
    }
}

/// One page of the centre.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Page {
    pub notifications: Vec<Notification>,
    pub unread: i64,
    pub page: i64,
    pub pages: i64,
}

/// Page `page` (from 1) of the member's notifications, newest first.
pub async fn page(app: &App, user_id: UserId, page: i64) -> AppResult<Page> {
    let page = clamp_page(page);
    let mut c = app.db.read().await?;
    let total = notification_centre::count(&mut c, user_id).await?;
    let rows =
        notification_centre::page(&mut c, user_id, PAGE_SIZE, (page - 1) * PAGE_SIZE).await?;
    let unread = notification_centre::unread(&mut c, user_id).await?;
    Ok(Page {
        notifications: rows.into_iter().map(Notification::from).collect(),
        unread,
        page,
        pages: ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1),
    })
}

/// Opens the member's notification `id`: marks it read (once; opening again changes
/// nothing) and returns the subject to go to. Someone else's notification is not found.
pub async fn open(app: &App, user_id: UserId, id: i64) -> AppResult<NotificationSubject> {
    let mut tx = app.db.begin().await?;
    let row = notification_centre::find(&mut tx, user_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    notification_centre::mark_read(&mut tx, user_id, id, app.now()).await?;
    tx.commit().await?;
    Ok(NotificationSubject::from_parts(
        row.subject_kind,
        row.subject_id,
    ))
}

/// Marks all the member's notifications read; returns how many were unread.
pub async fn mark_all_read(app: &App, user_id: UserId) -> AppResult<u64> {
    let mut tx = app.db.begin().await?;
    let n = notification_centre::mark_all_read(&mut tx, user_id, app.now()).await?;
    tx.commit().await?;
    Ok(n)
}

/// The bell's count for the member (pages read it from the session instead).
pub async fn unread(app: &App, user_id: UserId) -> AppResult<i64> {
    let mut c = app.db.read().await?;
    Ok(notification_centre::unread(&mut c, user_id).await?)
}
