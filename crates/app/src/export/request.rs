//! Asking for an archive, following its progress, downloading it, and the expiry of old ones.

use yorozu_store::export::archives::{self, ArchiveRow};

use super::{HOURS_BETWEEN, part_key};
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
pub async fn request(app: &App, member: &CurrentUser) -> AppResult<ArchiveRow> {
    let now = app.now();
    let mut tx = app.db.begin().await?;
    if !yorozu_store::accounts::users::lock_active(&mut tx, member.id).await? {
        return Err(AppError::Conflict("account-closed"));
    }
    if let Some(last) = archives::latest(&mut tx, member.id).await? {
        let silent = last.updated_at < now - archives::STALE_SECONDS;
        if last.status == "queued" || (last.status == "building" && !silent) {
            return Err(AppError::Conflict("export-in-progress"));
        }
        let crashed = last.status == "building";
        if crashed {
            // Its builder crashed and the job gave up: it failed, and does not count.
            archives::mark(&mut tx, last.id, "failed", now).await?;
        }
        if !crashed && last.status != "failed" && last.requested_at > now - HOURS_BETWEEN * 3_600 {
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
    Ok(row)
}

/// The member's latest archive, with ready archives past their expiry shown as expired.
pub async fn latest(app: &App, member: &CurrentUser) -> AppResult<Option<ArchiveRow>> {
    let mut c = app.db.read().await?;
    let row = archives::latest(&mut c, member.id).await?;
    Ok(row.map(|mut r| {
        if r.status == "ready" && r.expires_at.is_some_and(|at| at <= app.now()) {
            r.status = "expired".into();
        }
        r
    }))
}

/// When the member may ask for the next archive.
pub fn next_allowed_at(last: &ArchiveRow) -> i64 {
    if last.status == "failed" {
        last.requested_at
    } else {
        last.requested_at + HOURS_BETWEEN * 3_600
    }
}

/// A ready archive of the member: its row and the keys of its parts, in order.
pub async fn download(
    app: &App,
    member: &CurrentUser,
    id: i64,
) -> AppResult<(ArchiveRow, Vec<String>)> {
    let mut c = app.db.read().await?;
    let row = archives::find(&mut c, id)
        .await?
        .filter(|r| r.user_id == member.id)
        .ok_or(AppError::NotFound)?;
    if row.status != "ready" || row.expires_at.is_some_and(|at| at <= app.now()) {
        return Err(AppError::Conflict("export-not-available"));
    }
    let keys = (0..row.parts).map(|n| part_key(id, n)).collect();
    Ok((row, keys))
}

/// The file name offered for a download.
pub fn file_name(row: &ArchiveRow) -> String {
    let date = yorozu_domain::payouts::schedule::Date::in_japan(
        yorozu_domain::Timestamp::from_unix(row.requested_at),
    )
    .iso();
    format!("yorozu-data-{date}.zip")
}

/// Deletes the parts of an archive and marks it (`expired`, or removes the row with `drop`).
pub async fn discard(app: &App, row: &ArchiveRow, drop: bool) -> AppResult<()> {
    for n in 0..row.parts {
        app.files.delete(&part_key(row.id, n)).await?;
    }
    let mut tx = app.db.begin().await?;
    if drop {
        archives::delete(&mut tx, row.id).await?;
    } else {
        archives::mark(&mut tx, row.id, "expired", app.now()).await?;
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
