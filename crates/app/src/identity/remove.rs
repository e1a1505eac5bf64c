//! The member erases their identity document without leaving: the image and the document rows
//! go; the verification itself stays on the profile (「本人確認済み」 with its date). Refused
//! while a document is under review.

use yorozu_domain::identity::IdentityStatus;
use yorozu_store::identity;
use yorozu_store::withdrawal::purge as erase;

use crate::accounts::CurrentUser;
use crate::{App, AppError, AppResult};

/// Erases every identity document of `member`; returns how many there were.
pub async fn remove(app: &App, member: &CurrentUser) -> AppResult<usize> {
    let docs = {
        let mut c = app.db.read().await?;
        if identity::latest_for_user(&mut c, member.id)
            .await?
            .is_some_and(|d| d.status == IdentityStatus::Pending)
        {
            return Err(AppError::Conflict("identity-under-review"));
        }
        erase::identity_documents(&mut c, member.id, 1_000).await?
    };
    if docs.is_empty() {
        return Err(AppError::NotFound);
    }
    // Files first, then the rows: a crash in between leaves rows whose files are gone, and
    // running it again finishes the job.
    for key in docs.iter().filter_map(|(_, key)| key.as_deref()) {
        app.files.delete(key).await?;
    }
    let ids: Vec<i64> = docs.iter().map(|(id, _)| *id).collect();
    let mut tx = app.db.begin().await?;
    if identity::latest_for_user(&mut tx, member.id)
        .await?
        .is_some_and(|d| d.status == IdentityStatus::Pending)
    {
        return Err(AppError::Conflict("identity-under-review"));
    }
    erase::delete_identity_documents(&mut tx, &ids).await?;
    tx.commit().await?;
    Ok(ids.len())
}
