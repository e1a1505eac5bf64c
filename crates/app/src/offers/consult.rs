//! Asking for a quote (見積り相談) and writing in the consultation: messages with attachments
//! both ways. A member asking again about the same service continues their thread.

use yorozu_domain::listings::ListingStatus;
use yorozu_domain::moderation::Activity;
use yorozu_domain::orders::OrderText;
use yorozu_domain::orders::text::MESSAGE_MAX_CHARS;
use yorozu_domain::{ConsultationId, ListingId, UserId};
use yorozu_store::Exec;
use yorozu_store::offers::consultations::{self, AttachmentRow, ConsultationRow, MessageRow};

use super::{Side, load_for, notify};
use crate::accounts::CurrentUser;
use crate::orders::talk::{Upload, check_uploads, clean_name};
use crate::{App, AppError, AppResult, Fields};

/// A file written to the file store, waiting to be recorded with its message.
struct StoredFile {
    id: i64,
    key: String,
    file_name: String,
    content_type: String,
    size: i64,
}

/// A member asks the seller of `listing_id` for a quote: the message opens the consultation
/// (or continues the member's earlier one about this service) and the seller gets mail.
pub async fn consult(
    app: &App,
    buyer: &CurrentUser,
    listing_id: ListingId,
    body: &str,
    files: Vec<Upload>,
) -> AppResult<ConsultationId> {
    Ok(consult_message(app, buyer, listing_id, body, files)
        .await?
        .0)
}

/// [`consult`], with the id of the message it wrote (for the contact-details rule).
pub(crate) async fn consult_message(
    app: &App,
    buyer: &CurrentUser,
    listing_id: ListingId,
    body: &str,
    files: Vec<Upload>,
) -> AppResult<(ConsultationId, i64)> {
    let body = parse_body(body, files.is_empty())?;
    check_uploads(app, &files)?;
    let seller_id = {
        let mut c = app.db.read().await?;
        let listing = yorozu_store::listings::rows::find(&mut c, listing_id)
            .await?
            .filter(|l| l.status == ListingStatus::Published)
            .ok_or(AppError::NotFound)?;
        if listing.seller_id == buyer.id {
            return Err(AppError::Conflict("offer-own-listing"));
        }
        crate::moderation::standing::check(&mut c, buyer.id, Activity::SendMessage).await?;
        crate::safety::blocks::check_can_order(&mut c, buyer.id, listing.seller_id).await?;
        listing.seller_id
    };
    let now = app.now();
    let consultation = {
        let mut c = app.db.read().await?;
        consultations::find_for(&mut c, listing_id, buyer.id).await?
    };
    let row = consultation.unwrap_or(ConsultationRow {
        id: app.new_id(),
        listing_id,
        buyer_id: buyer.id,
        seller_id,
        request_id: None,
        created_at: now,
        updated_at: now,
    });
    let stored = store_files(app, row.id, &files).await?;
    let result = async {
        let mut tx = app.db.begin().await?;
        let new = consultations::find(&mut tx, row.id).await?.is_none();
        if new {
            consultations::insert(&mut tx, &row).await?;
        }
        let message = record(&mut tx, app, row.id, buyer.id, body.as_str(), &stored).await?;
        let kind = if new {
            notify::Event::ConsultationReceived
        } else {
            notify::Event::ConsultationMessage
        };
        notify::consultation(&mut tx, app, &row, seller_id, kind).await?;
        tx.commit().await?;
        Ok((row.id, message))
    }
    .await;
    if result.is_err() {
        discard_files(app, &stored).await;
    }
    result
}

/// A party writes in the consultation; the other side gets mail.
pub async fn post_message(
    app: &App,
    member: &CurrentUser,
    id: ConsultationId,
    body: &str,
    files: Vec<Upload>,
) -> AppResult<i64> {
    let body = parse_body(body, files.is_empty())?;
    check_uploads(app, &files)?;
    {
        let mut c = app.db.read().await?;
        let (row, side) = load_for(&mut c, id, member.id).await?;
        crate::moderation::standing::check(&mut c, member.id, Activity::SendMessage).await?;
        check_counterpart(&mut c, member.id, side.counterpart(&row)).await?;
    }
    let stored = store_files(app, id, &files).await?;
    let result = async {
        let mut tx = app.db.begin().await?;
        let (row, side) = load_for(&mut tx, id, member.id).await?;
        let message = record(&mut tx, app, id, member.id, body.as_str(), &stored).await?;
        notify::consultation(
            &mut tx,
            app,
            &row,
            side.counterpart(&row),
            notify::Event::ConsultationMessage,
        )
        .await?;
        tx.commit().await?;
        Ok(message)
    }
    .await;
    if result.is_err() {
        discard_files(app, &stored).await;
    }
    result
}

/// A consultation takes no new messages once the other side left or either blocks the other.
pub(crate) async fn check_counterpart(
    c: &mut impl Exec,
    member: UserId,
    other: UserId,
) -> AppResult<()> {
    let user = yorozu_store::accounts::users::find(c, other).await?;
    if user.is_none_or(|u| u.status != yorozu_domain::accounts::AccountStatus::Active) {
        return Err(AppError::Conflict("talk-counterpart-left"));
    }
    crate::safety::blocks::check_can_order(c, member, other).await
}

fn parse_body(body: &str, required: bool) -> AppResult<OrderText> {
    let mut fields = Fields::default();
    let body = fields.check("body", OrderText::parse(body, MESSAGE_MAX_CHARS, required));
    fields.finish(body)
}

/// Records a message and its files; the thread moves to the top of both lists.
async fn record(
    c: &mut impl Exec,
    app: &App,
    id: ConsultationId,
    author: UserId,
    body: &str,
    files: &[StoredFile],
) -> AppResult<i64> {
    let now = app.now();
    let message_id = app.new_id();
    consultations::insert_message(
        c,
        &MessageRow {
            id: message_id,
            consultation_id: id,
            author_id: author,
            body: body.to_owned(),
            created_at: now,
        },
    )
    .await?;
    for f in files {
        consultations::insert_attachment(
            c,
            &AttachmentRow {
                id: f.id,
                consultation_id: id,
                message_id,
                file_key: f.key.clone(),
                file_name: f.file_name.clone(),
                content_type: f.content_type.clone(),
                size_bytes: f.size,
                created_at: now,
            },
        )
        .await?;
    }
    consultations::touch(c, id, now).await?;
    Ok(message_id)
}

/// Writes uploads to the file store (encrypted at rest) before the transaction that records
/// them.
async fn store_files(
    app: &App,
    id: ConsultationId,
    files: &[Upload],
) -> AppResult<Vec<StoredFile>> {
    let mut stored = Vec::with_capacity(files.len());
    for f in files {
        let file_id: i64 = app.new_id();
        let key = format!("consultations/{id}-{file_id}");
        if let Err(e) = app.files.put(&key, &f.bytes).await {
            discard_files(app, &stored).await;
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

async fn discard_files(app: &App, stored: &[StoredFile]) {
    for f in stored {
        if let Err(e) = app.files.delete(&f.key).await {
            tracing::warn!(key = %f.key, error = %e, "could not remove an unrecorded attachment");
        }
    }
}

/// An attachment for download by one of the consultation's parties.
pub async fn attachment(
    app: &App,
    member: &CurrentUser,
    id: ConsultationId,
    attachment_id: i64,
) -> AppResult<(AttachmentRow, Vec<u8>)> {
    let row = {
        let mut c = app.db.read().await?;
        load_for(&mut c, id, member.id).await?;
        consultations::attachments(&mut c, id)
            .await?
            .into_iter()
            .find(|a| a.id == attachment_id)
            .ok_or(AppError::NotFound)?
    };
    let bytes = app.files.get(&row.file_key).await?;
    Ok((row, bytes))
}

/// Which side the member is on (for pages that only need that).
pub async fn side_of(app: &App, member: &CurrentUser, id: ConsultationId) -> AppResult<Side> {
    let mut c = app.db.read().await?;
    Ok(load_for(&mut c, id, member.id).await?.1)
}
