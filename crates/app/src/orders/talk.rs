//! The talk room (トークルーム): messages with attachments between buyer and seller, read
//! marks, and mail to the other side (a `messages` mail, which members may switch off).
//! The room closes for new messages 120 days after the order (configurable).

use yorozu_domain::OrderId;
use yorozu_domain::Timestamp;
use yorozu_domain::UserId;
use yorozu_domain::accounts::AccountStatus;
use yorozu_domain::moderation::Activity;
use yorozu_domain::orders::text::MESSAGE_MAX_CHARS;
use yorozu_domain::orders::{MessageKind, OrderText, talk_room_closes_at};
use yorozu_domain::text::strip_format_chars;
use yorozu_store::Exec;
use yorozu_store::orders::{OrderRow, talk};

use super::{Attachment, Party, notify};
use crate::accounts::CurrentUser;
use crate::mail::MailCategory;
use crate::{App, AppError, AppResult, FieldError, Fields};

/// A file as uploaded with a message or a delivery.
#[derive(Debug, Clone)]
pub struct Upload {
    pub file_name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// An upload written to the file store, waiting to be recorded with its message.
#[derive(Debug, Clone)]
pub struct StoredFile {
    pub id: i64,
    pub key: String,
    pub file_name: String,
    pub content_type: String,
    pub size: i64,
    /// Hex SHA-256 of the bytes, kept as evidence for disputes.
    pub sha256: String,
}

/// Checks the number and size of uploads (field `files`).
pub fn check_uploads(app: &App, files: &[Upload]) -> AppResult<()> {
    let max = app.policy.attachments_per_message;
    if files.len() > max {
        return Err(AppError::Invalid(vec![
            FieldError::new("files", "attachment-too-many").with("max", max),
        ]));
    }
    let limit = app.policy.attachment_max_bytes;
    if let Some(big) = files.iter().find(|f| f.bytes.len() > limit) {
        return Err(AppError::Invalid(vec![
            FieldError::new("files", "attachment-too-large")
                .with("name", &big.file_name)
                .with("max", limit / (1024 * 1024)),
        ]));
    }
    if files.iter().any(|f| f.bytes.is_empty()) {
        return Err(AppError::invalid("files", "attachment-empty"));
    }
    Ok(())
}

/// A file name safe to show and to offer for download: the last path segment, without control
/// characters or bidirectional and invisible format characters (so `\u{202E}txt.exe` cannot
/// pose as `exe.txt`), at most 120 characters.
pub fn clean_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = strip_format_chars(base)
        .chars()
        .filter(|c| !c.is_control())
        .take(120)
        .collect();
    let cleaned = cleaned.trim().to_owned();
    if cleaned.is_empty() || cleaned == "." || cleaned == ".." {
        "file".to_owned()
    } else {
        cleaned
    }
}

/// Writes uploads to the file store (encrypted at rest) before the transaction that records
/// them; on failure the caller removes them again with [`discard_files`].
pub async fn store_files(
    app: &App,
    order_id: OrderId,
    files: &[Upload],
) -> AppResult<Vec<StoredFile>> {
    let mut stored = Vec::with_capacity(files.len());
    for f in files {
        let id = app.new_id();
        let key = format!("orders/{order_id}-{id}");
        if let Err(e) = app.files.put(&key, &f.bytes).await {
            discard_files(app, &stored).await;
            return Err(e.into());
        }
        stored.push(StoredFile {
            id,
            key,
            file_name: clean_name(&f.file_name),
            content_type: f.content_type.clone(),
            size: i64::try_from(f.bytes.len()).unwrap_or(i64::MAX),
            sha256: super::dispute_evidence::sha256_hex(&f.bytes),
        });
    }
    Ok(stored)
}

/// Removes files stored for a message that was not recorded.
pub async fn discard_files(app: &App, stored: &[StoredFile]) {
    for f in stored {
        if let Err(e) = app.files.delete(&f.key).await {
            tracing::warn!(key = %f.key, error = %e, "could not remove an unrecorded attachment");
        }
    }
}

/// Records a message (or delivery note) with its files; returns the message id.
pub(crate) async fn insert(
    c: &mut impl Exec,
    app: &App,
    order: &OrderRow,
    author_id: UserId,
    kind: MessageKind,
    body: &str,
    files: &[StoredFile],
) -> AppResult<i64> {
    let now = app.now();
    let id = app.new_id();
    talk::insert_message(
        c,
        &talk::MessageRow {
            id,
            order_id: order.id,
            author_id: Some(author_id),
            kind,
            body: body.to_owned(),
            created_at: now,
        },
    )
    .await?;
    for f in files {
        talk::insert_attachment(
            c,
            &talk::AttachmentRow {
                id: f.id,
                order_id: order.id,
                message_id: id,
                file_key: f.key.clone(),
                file_name: f.file_name.clone(),
                content_type: f.content_type.clone(),
                size_bytes: f.size,
                created_at: now,
            },
        )
        .await?;
        yorozu_store::orders::disputes::set_attachment_sha256(c, f.id, &f.sha256).await?;
    }
    // The author has read everything up to their own message.
    talk::mark_read(c, order.id, author_id, id, now).await?;
    Ok(id)
}

/// Whether the order's talk room still takes messages at `now`.
pub(crate) fn is_open(app: &App, order: &OrderRow, now: i64) -> bool {
    now < talk_room_closes_at(
        Timestamp::from_unix(order.created_at),
        app.policy.talk_room_days,
    )
    .unix()
}

/// A party posts a message (with optional files) to the talk room; the other side gets mail.
pub async fn post_message(
    app: &App,
    member: &CurrentUser,
    order_id: OrderId,
    body: &str,
    files: Vec<Upload>,
) -> AppResult<i64> {
    let mut fields = Fields::default();
    let body = fields.check(
        "body",
        OrderText::parse(body, MESSAGE_MAX_CHARS, files.is_empty()),
    );
    let body = fields.finish(body)?;
    check_uploads(app, &files)?;
    {
        let mut c = app.db.read().await?;
        let (order, party) = super::load_for(&mut c, order_id, member.id).await?;
        crate::moderation::standing::check(&mut c, member.id, Activity::SendMessage).await?;
        if !is_open(app, &order, app.now()) {
            return Err(AppError::Conflict("talk-room-closed"));
        }
        let other = yorozu_store::accounts::users::find(&mut c, party.counterpart(&order)).await?;
        if other.is_none_or(|u| u.status != AccountStatus::Active) {
            return Err(AppError::Conflict("talk-counterpart-left"));
        }
        crate::safety::blocks::check_can_message(
            &mut c,
            member.id,
            party.counterpart(&order),
            !order.state.is_terminal(),
        )
        .await?;
    }
    let stored = store_files(app, order_id, &files).await?;
    let result = async {
        let mut tx = app.db.begin().await?;
        let (order, party) = super::load_for(&mut tx, order_id, member.id).await?;
        let id = insert(
            &mut tx,
            app,
            &order,
            member.id,
            MessageKind::Message,
            body.as_str(),
            &stored,
        )
        .await?;
        notify::order_mail(
            &mut tx,
            app,
            &order,
            party.counterpart(&order),
            MailCategory::Messages,
            "order-message",
            // No display name: mail copies outlive a member's withdrawal.
            &[],
        )
        .await?;
        crate::notifications::raise(
            &mut tx,
            app,
            party.counterpart(&order),
            crate::notifications::NotificationKind::NewMessage,
            crate::notifications::NotificationSubject::Message(order.id),
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }
    .await;
    if result.is_err() {
        discard_files(app, &stored).await;
    }
    result
}

/// Marks everything in the room up to `message_id` as read by the member.
pub async fn mark_read(
    app: &App,
    member: &CurrentUser,
    order_id: OrderId,
    message_id: i64,
) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    super::load_for(&mut tx, order_id, member.id).await?;
    talk::mark_read(&mut tx, order_id, member.id, message_id, app.now()).await?;
    tx.commit().await?;
    Ok(())
}

/// An attachment for download by one of the order's parties: the file and its bytes.
pub async fn attachment(
    app: &App,
    member: &CurrentUser,
    order_id: OrderId,
    attachment_id: i64,
) -> AppResult<(Attachment, Vec<u8>)> {
    let row = {
        let mut c = app.db.read().await?;
        super::load_for(&mut c, order_id, member.id).await?;
        talk::find_attachment(&mut c, attachment_id)
            .await?
            .filter(|a| a.order_id == order_id)
            .ok_or(AppError::NotFound)?
    };
    let bytes = app.files.get(&row.file_key).await?;
    Ok((Attachment::from(row), bytes))
}

/// Which side wrote a message, for showing it.
pub(crate) fn author_party(order: &OrderRow, author_id: Option<UserId>) -> Option<Party> {
    author_id.and_then(|id| Party::of(order, id))
}
