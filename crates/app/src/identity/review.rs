//! The operator's decision on a document, audited, mailed to the member, and followed by a job
//! that erases the image after the retention period.

use yorozu_domain::identity::{DocumentKind, IdentityStatus, RejectionReason};
use yorozu_domain::{DocumentId, UserId};
use yorozu_store::accounts::users;
use yorozu_store::identity::{self, NamedDocumentRow};
use yorozu_store::profiles;

use crate::accounts::CurrentUser;
use crate::identity::erase;
use crate::mail::{
    MailCategory,
    compose::{compose, locale_of},
    outbox,
};
use crate::operators::audit;
use crate::{App, AppError, AppResult, Fields};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Reject,
}

/// A document as the operators' screens show it: the member's name instead of the file key.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ReviewDocument {
    pub id: DocumentId,
    pub user_id: UserId,
    /// `None` when the member's profile is gone (withdrawn).
    pub member_name: Option<String>,
    pub kind: DocumentKind,
    pub status: IdentityStatus,
    pub submitted_at: i64,
    pub decided_at: Option<i64>,
    pub rejection_reason: Option<String>,
    pub file_erased_at: Option<i64>,
    /// The image is still stored (not yet erased).
    pub has_image: bool,
}

impl From<NamedDocumentRow> for ReviewDocument {
    fn from(row: NamedDocumentRow) -> ReviewDocument {
        let d = row.document;
        ReviewDocument {
            id: d.id,
            user_id: d.user_id,
            member_name: row.display_name,
            kind: d.kind,
            status: d.status,
            submitted_at: d.submitted_at,
            decided_at: d.decided_at,
            rejection_reason: d.rejection_reason,
            file_erased_at: d.file_erased_at,
            has_image: d.file_key.is_some(),
        }
    }
}

/// The review queue: pending documents, oldest first (at most 100).
pub async fn pending(app: &App, operator: &CurrentUser) -> AppResult<Vec<ReviewDocument>> {
    require_operator(operator)?;
    let mut c = app.db.read().await?;
    Ok(identity::list_pending_named(&mut c, 100)
        .await?
        .into_iter()
        .map(ReviewDocument::from)
        .collect())
}

/// One document for its review page, pending or already decided.
pub async fn document(
    app: &App,
    operator: &CurrentUser,
    document_id: DocumentId,
) -> AppResult<ReviewDocument> {
    require_operator(operator)?;
    let mut c = app.db.read().await?;
    Ok(identity::find_named(&mut c, document_id)
        .await?
        .ok_or(AppError::NotFound)?
        .into())
}

/// The document image, for the operator's review screen only.
pub async fn image(
    app: &App,
    operator: &CurrentUser,
    document_id: DocumentId,
) -> AppResult<Vec<u8>> {
    require_operator(operator)?;
    let mut c = app.db.read().await?;
    let doc = identity::find(&mut c, document_id)
        .await?
        .ok_or(AppError::NotFound)?;
    drop(c);
    let key = doc.file_key.ok_or(AppError::NotFound)?;
    Ok(app.files.get(&key).await?)
}

pub async fn decide(
    app: &App,
    operator: &CurrentUser,
    document_id: DocumentId,
    decision: Decision,
    reason: &str,
) -> AppResult<()> {
    require_operator(operator)?;
    let reason = match decision {
        Decision::Approve => None,
        Decision::Reject => {
            let mut f = Fields::default();
            let r = f.check("reason", RejectionReason::parse(reason));
            Some(f.finish(r)?)
        }
    };
    let now = app.now();
    let erase_after = now + app.policy.identity_file_retention_days * 86_400;
    let status = if decision == Decision::Approve {
        IdentityStatus::Approved
    } else {
        IdentityStatus::Rejected
    };
    let mut tx = app.db.begin().await?;
    let doc = identity::find(&mut tx, document_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let reason_text = reason.as_ref().map(|r| r.as_str());
    if !identity::decide(
        &mut tx,
        document_id,
        status,
        operator.id,
        reason_text,
        now,
        erase_after,
    )
    .await?
    {
        return Err(AppError::Conflict("identity-already-decided"));
    }
    if decision == Decision::Approve {
        profiles::set_identity_verified(&mut tx, doc.user_id, now).await?;
        // Search filters on verified sellers without a join.
        yorozu_store::listings::rows::set_seller_verified(&mut tx, doc.user_id, true).await?;
    }
    erase::schedule(&mut tx, app, document_id, doc.user_id, erase_after).await?;
    audit::record(
        &mut tx,
        app,
        operator.id,
        &format!("identity.{status}"),
        Some(doc.user_id),
        &format!("document {document_id}"),
    )
    .await?;
    if let Some(member) = users::find(&mut tx, doc.user_id).await?
        && let Some(email) = member.email
    {
        let name = if decision == Decision::Approve {
            "identity-approved"
        } else {
            "identity-rejected"
        };
        let link = app.url("/settings/identity");
        let mail = compose(
            locale_of(&member.locale),
            name,
            &email,
            Some(member.id),
            &[
                ("reason", reason_text.unwrap_or("").into()),
                ("link", link.into()),
            ],
        );
        outbox::enqueue(&mut tx, app, MailCategory::Account, mail).await?;
    }
    tx.commit().await?;
    Ok(())
}

fn require_operator(user: &CurrentUser) -> AppResult<()> {
    if user.is_operator() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}
