//! Asking for an archive, following its progress, downloading it, and the expiry of old ones.

use yorozu_domain::export::ArchiveStatus;
use yorozu_store::export::archives::{self, ArchiveRow};

use super::{Archive, HOURS_BETWEEN, part_key};
use crate::accounts::CurrentUser;
use crate::jobs::{self, Job};
use crate::{App, AppError, AppResult};

/// Build one archive: the payload of the `export.build` job.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ExportJob {
    pub export_id: i64,
}

impl Job for ExportJob {
    const KIND: &'static str = "export.build";
    fn max_attempts(_: &App) -> i64 {
        5
    }
    async fn run(self, app: &App) -> AppResult<()> {
        super::build::run(app, self.export_id).await
    }
}

/// Asks for a new archive: refused while one is being built, and within [`HOURS_BETWEEN`]
/// hours of the last one (`Conflict("export-once-a-day")`).
pub async fn request(app: &App, member: &CurrentUser) -> AppResult<Archive> {
    let now = app.now();
    let mut tx = app.db.begin().await?;
    if !yorozu_store::accounts::users::lock_active(&mut tx, member.id).await? {
        return Err(AppError::Conflict("account-closed"));
    }
    if let Some(last) = archives::latest(&mut tx, member.id).await? {
        let silent = last.updated_at < now - archives::STALE_SECONDS;
        let crashed = match last.status {
            ArchiveStatus::Queued => return Err(AppError::Conflict("export-in-progress")),
            ArchiveStatus::Building if !silent => {
                return Err(AppError::Conflict("export-in-progress"));
            }
            ArchiveStatus::Building => true,
            ArchiveStatus::Ready | ArchiveStatus::Failed | ArchiveStatus::Expired => false,
        };
        if crashed {
            // Its builder crashed and the job gave up: it failed, and does not count.
            archives::mark(&mut tx, last.id, ArchiveStatus::Failed, now).await?;
        }
        if !crashed
            && last.status != ArchiveStatus::Failed
            && last.requested_at > now - HOURS_BETWEEN * 3_600
        {
            return Err(AppError::Conflict("export-once-a-day"));
        }
    }
    let id = app.new_id();
    archives::insert(&mut tx, id, member.id, now).await?;
    let job = ExportJob { export_id: id };
    jobs::enqueue(&mut tx, app, &job, Some(member.id), now).await?;
    let row = archives::find(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(Archive::at(row, now))
}

/// The member's latest archive, with ready archives past their expiry shown as expired.
pub async fn latest(app: &App, member: &CurrentUser) -> AppResult<Option<Archive>> {
    let mut c = app.db.read().await?;
    let row = archives::latest(&mut c, member.id).await?;
    Ok(row.map(|r| Archive::at(r, app.now())))
}

/// When the member may ask for the next archive.
pub fn next_allowed_at(last: &Archive) -> i64 {
    if last.status == ArchiveStatus::Failed {
        last.requested_at
    } else {
        last.requested_at + HOURS_BETWEEN * 3_600
    }
}

/// A ready archive of the member and the keys of its parts, in order.
pub async fn download(
    app: &App,
    member: &CurrentUser,
    id: i64,
) -> AppResult<(Archive, Vec<String>)> {
    let mut c = app.db.read().await?;
    let row = archives::find(&mut c, id)
        .await?
        .filter(|r| r.user_id == member.id)
        .ok_or(AppError::NotFound)?;
    let keys = (0..row.parts).map(|n| part_key(id, n)).collect();
    let archive = Archive::at(row, app.now());
    if archive.status != ArchiveStatus::Ready {
        return Err(AppError::Conflict("export-not-available"));
    }
    Ok((archive, keys))
}

/// The file name offered for a download.
pub fn file_name(row: &Archive) -> String {
    let date = yorozu_domain::payouts::schedule::Date::in_japan(
        yorozu_domain::Timestamp::from_unix(row.requested_at),
    )
    .iso();
    format!("yorozu-data-{date}.zip")
}

/// Deletes the parts of an archive and marks it (`expired`, or removes the row with `drop`).
pub(crate) async fn discard(app: &App, row: &ArchiveRow, drop: bool) -> AppResult<()> {
    for n in 0..row.parts {
        app.files.delete(&part_key(row.id, n)).await?;
    }
    let mut tx = app.db.begin().await?;
    if drop {
        archives::delete(&mut tx, row.id).await?;
    } else {
        archives::mark(&mut tx, row.id, ArchiveStatus::Expired, app.now()).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Deletes archives past their expiry (part of the periodic maintenance).
pub async fn expire_due(app: &App) -> AppResult<usize> {
    let due = {
        let mut c = app.db.read().await?;
        archives::expired(&mut c, app.now(), 100).await?
    };
    for row in &due {
        discard(app, row, false).await?;
    }
    Ok(due.len())
}
