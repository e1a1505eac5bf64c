//! Identity documents (本人確認書類) and their review.

use yorozu_domain::identity::{DocumentKind, IdentityStatus};
use yorozu_domain::{DocumentId, UserId};

use crate::{Exec, Result, execute, query_as};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DocumentRow {
    #[sqlx(try_from = "i64")]
    pub id: DocumentId,
    #[sqlx(try_from = "i64")]
    pub user_id: UserId,
    #[sqlx(try_from = "String")]
    pub kind: DocumentKind,
    pub file_key: Option<String>,
    pub content_type: String,
    #[sqlx(try_from = "String")]
    pub status: IdentityStatus,
    pub submitted_at: i64,
    pub decided_at: Option<i64>,
    #[sqlx(try_from = "crate::OptionalId")]
    pub decided_by: Option<UserId>,
    pub rejection_reason: Option<String>,
    pub file_erase_after: Option<i64>,
    pub file_erased_at: Option<i64>,
}

pub async fn insert(c: &mut impl Exec, d: &DocumentRow) -> Result<()> {
    execute!(
        c,
        "INSERT INTO identity_documents (id, user_id, kind, file_key, content_type, status, submitted_at,
                                         decided_at, decided_by, rejection_reason, file_erase_after, file_erased_at)
         VALUES ($1, $2, $3, $4, $5, 'pending', $6, NULL, NULL, NULL, NULL, NULL)",
        d.id.get(),
        d.user_id.get(),
        d.kind.as_str(),
        d.file_key.as_deref(),
        &d.content_type,
        d.submitted_at
    )?;
    Ok(())
}

pub async fn find(c: &mut impl Exec, id: DocumentId) -> Result<Option<DocumentRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        DocumentRow,
        "SELECT id, user_id, kind, file_key, content_type, status, submitted_at, decided_at, decided_by,
                rejection_reason, file_erase_after, file_erased_at
         FROM identity_documents WHERE id = $1",
        id.get()
    )?)
}

/// The member's most recent submission.
pub async fn latest_for_user(c: &mut impl Exec, user_id: UserId) -> Result<Option<DocumentRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        DocumentRow,
        "SELECT id, user_id, kind, file_key, content_type, status, submitted_at, decided_at, decided_by,
                rejection_reason, file_erase_after, file_erased_at
         FROM identity_documents WHERE user_id = $1 ORDER BY submitted_at DESC, id DESC LIMIT 1",
        user_id.get()
    )?)
}

pub async fn list_pending(c: &mut impl Exec, limit: i64) -> Result<Vec<DocumentRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        DocumentRow,
        "SELECT id, user_id, kind, file_key, content_type, status, submitted_at, decided_at, decided_by,
                rejection_reason, file_erase_after, file_erased_at
         FROM identity_documents WHERE status = 'pending' ORDER BY submitted_at, id LIMIT $1",
        limit
    )?)
}

/// Records the decision if the document is still pending; false when someone decided first.
pub async fn decide(
    c: &mut impl Exec,
    id: DocumentId,
    status: IdentityStatus,
    operator_id: UserId,
    reason: Option<&str>,
    now: i64,
    erase_after: i64,
) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE identity_documents SET status = $2, decided_by = $3, rejection_reason = $4, decided_at = $5,
                                       file_erase_after = $6
         WHERE id = $1 AND status = 'pending'",
        id.get(),
        status.as_str(),
        operator_id.get(),
        reason,
        now,
        erase_after
    )?;
    Ok(n == 1)
}

/// Decided documents whose image is due for erasure.
pub async fn due_for_erasure(c: &mut impl Exec, now: i64, limit: i64) -> Result<Vec<DocumentRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        DocumentRow,
        "SELECT id, user_id, kind, file_key, content_type, status, submitted_at, decided_at, decided_by,
                rejection_reason, file_erase_after, file_erased_at
         FROM identity_documents WHERE file_erase_after <= $1 AND file_key IS NOT NULL ORDER BY file_erase_after LIMIT $2",
        now,
        limit
    )?)
}

pub async fn mark_file_erased(c: &mut impl Exec, id: DocumentId, now: i64) -> Result<()> {
    execute!(
        c,
        "UPDATE identity_documents SET file_key = NULL, file_erased_at = $2 WHERE id = $1",
        id.get(),
        now
    )?;
    Ok(())
}

/// A document with its member's display name, for the operators' screens. The name is `None`
/// when the profile is gone (a withdrawn member).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct NamedDocumentRow {
    #[sqlx(flatten)]
    pub document: DocumentRow,
    pub display_name: Option<String>,
}

/// Pending documents, oldest first, with the member's display name.
pub async fn list_pending_named(c: &mut impl Exec, limit: i64) -> Result<Vec<NamedDocumentRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        NamedDocumentRow,
        "SELECT d.id, d.user_id, d.kind, d.file_key, d.content_type, d.status, d.submitted_at, d.decided_at,
                d.decided_by, d.rejection_reason, d.file_erase_after, d.file_erased_at, p.display_name
         FROM identity_documents d LEFT JOIN profiles p ON p.user_id = d.user_id
         WHERE d.status = 'pending' ORDER BY d.submitted_at, d.id LIMIT $1",
        limit
    )?)
}

/// One document with its member's display name.
pub async fn find_named(c: &mut impl Exec, id: DocumentId) -> Result<Option<NamedDocumentRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        NamedDocumentRow,
        "SELECT d.id, d.user_id, d.kind, d.file_key, d.content_type, d.status, d.submitted_at, d.decided_at,
                d.decided_by, d.rejection_reason, d.file_erase_after, d.file_erased_at, p.display_name
         FROM identity_documents d LEFT JOIN profiles p ON p.user_id = d.user_id
         WHERE d.id = $1",
        id.get()
    )?)
}

pub async fn count_pending(c: &mut impl Exec) -> Result<i64> {
    Ok(crate::query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM identity_documents WHERE status = 'pending'"
    )?)
}
