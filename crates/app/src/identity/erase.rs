//! Erasing a decided document's image when its retention period ends. The decision and its
//! date stay; only the file goes.

use yorozu_store::{Exec, identity, jobs};

use crate::{App, AppResult};

pub const JOB_KIND: &str = "identity.erase-file";

#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct Payload {
    document_id: i64,
}

pub async fn schedule(
    c: &mut impl Exec,
    app: &App,
    document_id: i64,
    user_id: i64,
    at: i64,
) -> AppResult<()> {
    let payload = serde_json::to_string(&Payload { document_id })?;
    jobs::enqueue(
        c,
        &jobs::NewJob {
            id: app.new_id(),
            kind: JOB_KIND,
            payload: &payload,
            user_id: Some(user_id),
            run_at: at,
            max_attempts: 20,
            now: app.now(),
        },
    )
    .await?;
    Ok(())
}

/// The job handler. Idempotent: a second run finds no file key and does nothing.
pub async fn run(app: &App, payload: &str) -> AppResult<()> {
    let Payload { document_id } = serde_json::from_str(payload)?;
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
