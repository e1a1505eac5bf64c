//! Submitting an identity document.

use yorozu_domain::DocumentId;
use yorozu_domain::identity::{DocumentKind, IdentityStatus};
use yorozu_store::identity::{self, DocumentRow};

use crate::accounts::CurrentUser;
use crate::profile::image::{decode, in_decode_slot, to_jpeg};
use crate::{App, AppError, AppResult, Fields};

pub async fn submit(
    app: &App,
    user: &CurrentUser,
    kind: &str,
    bytes: Vec<u8>,
) -> AppResult<DocumentId> {
    if !user.email_verified {
        return Err(AppError::Conflict("identity-needs-confirmed-email"));
    }
    let mut f = Fields::default();
    let kind = f.check("kind", DocumentKind::parse(kind));
    let kind = f.finish(kind)?;
    {
        let mut c = app.db.read().await?;
        if let Some(latest) = identity::latest_for_user(&mut c, user.id).await? {
            match latest.status {
                IdentityStatus::Pending => {
                    return Err(AppError::Conflict("identity-already-pending"));
                }
                IdentityStatus::Approved => {
                    return Err(AppError::Conflict("identity-already-approved"));
                }
                IdentityStatus::Rejected => {}
            }
        }
    }
    let max = app.policy.identity_max_bytes;
    // Re-encoding strips metadata (GPS in a phone photo) that the review does not need.
    let limits = app.policy.image_limits;
    let jpeg = in_decode_slot(move || to_jpeg(&decode("document", &bytes, max, limits)?)).await?;
    let id = app.new_id();
    let key = format!("identity/{id}");
    app.files.put(&key, &jpeg).await?;
    let row = DocumentRow {
        id,
        user_id: user.id,
        kind,
        file_key: Some(key.clone()),
        content_type: "image/jpeg".into(),
        status: IdentityStatus::Pending,
        submitted_at: app.now(),
        decided_at: None,
        decided_by: None,
        rejection_reason: None,
        file_erase_after: None,
        file_erased_at: None,
    };
    let saved = async {
        let mut tx = app.db.begin().await?;
        identity::insert(&mut tx, &row).await?;
        tx.commit().await
    }
    .await;
    if let Err(e) = saved {
        let _ = app.files.delete(&key).await;
        // The partial unique index catches a submission that raced the check above.
        if e.unique_violation() {
            return Err(AppError::Conflict("identity-already-pending"));
        }
        return Err(e.into());
    }
    Ok(id)
}
