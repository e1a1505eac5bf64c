//! A buyer posts a request (公開依頼): the fields, its attachments (encrypted in the file
//! store like a consultation's), and the job that closes it at its proposal deadline, all in
//! one transaction.

use yorozu_domain::RequestId;
use yorozu_domain::moderation::Activity;
use yorozu_domain::requests::RequestState;
use yorozu_store::requests::{self, RequestAttachmentRow, RequestRow};

use super::form::RequestForm;
use super::job_kinds::RequestDeadline;
use crate::accounts::CurrentUser;
use crate::orders::talk::{Upload, check_uploads, clean_name};
use crate::{App, AppResult};

/// A file written to the file store, waiting to be recorded with its request.
struct StoredFile {
    id: i64,
    key: String,
    file_name: String,
    content_type: String,
    size: i64,
}

/// Posts a request; it is on the board at once.
pub async fn post(
    app: &App,
    buyer: &CurrentUser,
    form: &RequestForm,
    files: Vec<Upload>,
) -> AppResult<RequestId> {
    let now = app.now();
    let terms = form.parse(&app.policy, yorozu_domain::Timestamp::from_unix(now))?;
    check_uploads(app, &files)?;
    {
        let mut c = app.db.read().await?;
        crate::moderation::standing::check(&mut c, buyer.id, Activity::PlaceOrder).await?;
    }
    let id: RequestId = app.new_id();
    let title = terms.title.to_string();
    let description = terms.description.to_string();
    let row = RequestRow {
        id,
        buyer_id: buyer.id,
        category_id: terms.category_id,
        parent_category_id: terms.parent_category_id,
        title,
        description,
        budget_min: terms.budget_min.yen().get(),
        budget_max: terms.budget_max.yen().get(),
        desired_date: terms.desired_date.map(|d| d.to_string()),
        proposal_deadline: terms.proposal_deadline.unix(),
        max_proposals: i64::from(terms.max_proposals.get()),
        proposal_count: 0,
        state: RequestState::Open,
        order_id: None,
        closed_at: None,
        created_at: now,
        updated_at: now,
    };
    let stored = store_files(app, id, &files).await?;
    let result = async {
        let mut tx = app.db.begin().await?;
        requests::insert(&mut tx, &row).await?;
        for f in &stored {
            requests::insert_attachment(
                &mut tx,
                &RequestAttachmentRow {
                    id: f.id,
                    request_id: id,
                    file_key: f.key.clone(),
                    file_name: f.file_name.clone(),
                    content_type: f.content_type.clone(),
                    size_bytes: f.size,
                    created_at: now,
                },
            )
            .await?;
        }
        let job = RequestDeadline { request_id: id };
        crate::jobs::enqueue(&mut tx, app, &job, None, row.proposal_deadline).await?;
        tx.commit().await?;
        Ok(id)
    }
    .await;
    if result.is_err() {
        for f in &stored {
            delete_file(app, &f.key).await;
        }
    }
    result
}

async fn store_files(app: &App, id: RequestId, files: &[Upload]) -> AppResult<Vec<StoredFile>> {
    let mut stored: Vec<StoredFile> = Vec::with_capacity(files.len());
    for f in files {
        let file_id: i64 = app.new_id();
        let key = format!("requests/{id}-{file_id}");
        if let Err(e) = app.files.put(&key, &f.bytes).await {
            for s in &stored {
                delete_file(app, &s.key).await;
            }
            return Err(e.into());
        }
        stored.push(StoredFile {
            id: file_id,
            key,
            file_name: clean_name(&f.file_name),
            content_type: f.content_type.clone(),
            size: i64::try_from(f.bytes.len()).unwrap_or(i64::MAX),
        });
    }
    Ok(stored)
}

/// Removes a file; a failure is logged (the purge retries erasing what is left).
pub(crate) async fn delete_file(app: &App, key: &str) {
    if let Err(e) = app.files.delete(key).await {
        tracing::warn!(key = %key, error = %e, "could not remove a request attachment");
    }
}
