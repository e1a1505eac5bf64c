//! Erasing a decided document's image when its retention period ends. The decision and its
//! date stay; only the file goes.

use yorozu_domain::{DocumentId, UserId};
use yorozu_store::{Exec, identity};

use crate::jobs::{self, Job};
use crate::{App, AppResult};

/// Erase one document's image: the payload of the `identity.erase-file` job.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct EraseDocumentFile {
    pub document_id: DocumentId,
}

impl Job for EraseDocumentFile {
    const KIND: &'static str = "identity.erase-file";
    fn max_attempts(_: &App) -> i64 {
        20
    }
    async fn run(self, app: &App) -> AppResult<()> {
        run(app, self.document_id).await
    }
}

pub async fn schedule(
    c: &mut impl Exec,
    app: &App,
    document_id: DocumentId,
    user_id: UserId,
    at: i64,
) -> AppResult<()> {
    let job = EraseDocumentFile { document_id };
    jobs::enqueue(c, app, &job, Some(user_id), at).await
}

/// The job handler. Idempotent: a second run finds no file key and does nothing.
async fn run(app: &App, document_id: DocumentId) -> AppResult<()> {
    let mut c = app.db.read().await?;
    let Some(doc) = identity::find(&mut c, document_id).await? else {
        return Ok(());
    };
    drop(c);
    let Some(key) = doc.file_key else {
        return Ok(());
    };
    // File first, then the row: a crash in between leaves a key whose file is already gone,
    // and the retry deletes nothing and clears the key.
    app.files.delete(&key).await?;
    let mut tx = app.db.begin().await?;
    identity::mark_file_erased(&mut tx, document_id, app.now()).await?;
    tx.commit().await?;
    Ok(())
}
