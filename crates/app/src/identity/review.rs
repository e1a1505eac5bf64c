//! The operator's decision on a document, audited, mailed to the member, and followed by a job
//! that erases the image after the retention period.

use yorozu_domain::identity::RejectionReason;
use yorozu_store::accounts::users;
use yorozu_store::identity::{self, DocumentRow};
use yorozu_store::profiles;

use crate::accounts::CurrentUser;
use crate::identity::erase;
use crate::mail::{compose::{compose, locale_of}, outbox, MailCategory};
use crate::operators::audit;
use crate::{App, AppError, AppResult, Fields};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Reject,
}

pub async fn pending(app: &App, operator: &CurrentUser) -> AppResult<Vec<DocumentRow>> {
    require_operator(operator)?;
    let mut c = app.db.read().await?;
    Ok(identity::list_pending(&mut c, 100).await?)
}

/// The document image, for the operator's review screen only.
pub async fn image(app: &App, operator: &CurrentUser, document_id: i64) -> AppResult<Vec<u8>> {
    require_operator(operator)?;
    let mut c = app.db.read().await?;
    let doc = identity::find(&mut c, document_id).await?.ok_or(AppError::NotFound)?;
    drop(c);
    let key = doc.file_key.ok_or(AppError::NotFound)?;
    Ok(app.files.get(&key).await?)
}

pub async fn decide(app: &App, operator: &CurrentUser, document_id: i64, decision: Decision, reason: &str) -> AppResult<()> {
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
    let status = if decision == Decision::Approve { "approved" } else { "rejected" };
    let mut tx = app.db.begin().await?;
    let doc = identity::find(&mut tx, document_id).await?.ok_or(AppError::NotFound)?;
    let reason_text = reason.as_ref().map(|r| r.as_str());
    if !identity::decide(&mut tx, document_id, status, operator.id, reason_text, now, erase_after).await? {
        return Err(AppError::Conflict("identity-already-decided"));
    }
    if decision == Decision::Approve {
        profiles::set_identity_verified(&mut tx, doc.user_id, now).await?;
    }
    erase::schedule(&mut tx, app, document_id, doc.user_id, erase_after).await?;
    audit::record(&mut tx, app, operator.id, &format!("identity.{status}"), Some(doc.user_id), &format!("document {document_id}")).await?;
    if let Some(member) = users::find(&mut tx, doc.user_id).await? {
        if let Some(email) = member.email {
            let name = if decision == Decision::Approve { "identity-approved" } else { "identity-rejected" };
            let link = app.url("/settings/identity");
            let mail = compose(
                locale_of(&member.locale),
                name,
                &email,
                Some(member.id),
                &[("reason", reason_text.unwrap_or("").into()), ("link", link.into())],
            );
            outbox::enqueue(&mut tx, app, MailCategory::Account, mail).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

fn require_operator(user: &CurrentUser) -> AppResult<()> {
    if user.is_operator() { Ok(()) } else { Err(AppError::Forbidden) }
}
