//! What an operator sees before deciding a dispute, gathered automatically: the order, the
//! whole talk room, every formal delivery with its files' names, sizes and SHA-256, and the
//! history (the platform's notes and the cancellation requests).

use std::collections::HashMap;

use sha2::{Digest, Sha256};
use yorozu_domain::orders::{CancellationStatus, DeliveryOutcome, DisputeSide, MessageKind};
use yorozu_domain::{OrderId, UserId};
use yorozu_store::orders::disputes;
use yorozu_store::orders::{OrderRow, cancellations, deliveries, rows, talk};

use super::dispute::{self, Dispute};
use super::view::names;
use crate::accounts::CurrentUser;
use crate::{App, AppError, AppResult};

/// Hex SHA-256 of a file's bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A file of the talk room.
#[derive(Debug, Clone)]
pub struct EvidenceFile {
    pub id: i64,
    pub file_name: String,
    pub size_bytes: i64,
    /// Empty for files stored before hashes were kept.
    pub sha256: String,
}

/// One entry of the talk room, with who wrote it.
#[derive(Debug, Clone)]
pub struct EvidenceMessage {
    pub id: i64,
    pub kind: MessageKind,
    /// `None` for the platform's notes.
    pub side: Option<DisputeSide>,
    pub author_name: String,
    /// For notes, a message id.
    pub body: String,
    pub created_at: i64,
    pub files: Vec<EvidenceFile>,
}

/// A formal delivery and what became of it.
#[derive(Debug, Clone)]
pub struct EvidenceDelivery {
    pub delivered_at: i64,
    pub outcome: DeliveryOutcome,
    pub send_back_reason: String,
    pub note: String,
    pub files: Vec<EvidenceFile>,
}

/// One line of the history: a platform note (message id) or a cancellation request.
#[derive(Debug, Clone)]
pub struct HistoryEntry {
    pub at: i64,
    /// A Fluent message id.
    pub message_id: String,
    /// For a cancellation request: its reason and where it stands.
    pub detail: String,
}

/// Everything the dispute page shows.
#[derive(Debug, Clone)]
pub struct Evidence {
    pub dispute: Dispute,
    pub order: OrderRow,
    pub buyer_name: String,
    pub seller_name: String,
    pub messages: Vec<EvidenceMessage>,
    pub deliveries: Vec<EvidenceDelivery>,
    pub history: Vec<HistoryEntry>,
    /// A release (completing the order) is possible: something was formally delivered.
    pub can_release: bool,
}

/// The evidence of dispute `dispute_id`, for an operator.
pub async fn gather(app: &App, operator: &CurrentUser, dispute_id: i64) -> AppResult<Evidence> {
    if !operator.is_operator() {
        return Err(AppError::Forbidden);
    }
    let mut c = app.db.read().await?;
    let row = disputes::find(&mut c, dispute_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let order = rows::find(&mut c, row.order_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let dispute = dispute::load(&mut c, row, None).await?;
    let who = names(&mut c, &[order.buyer_id, order.seller_id]).await?;
    let files = files_by_message(&mut c, order.id).await?;
    let side = |id: Option<UserId>| match id {
        Some(id) if id == order.buyer_id => Some(DisputeSide::Buyer),
        Some(id) if id == order.seller_id => Some(DisputeSide::Seller),
        _ => None,
    };
    let stored = talk::messages(&mut c, order.id).await?;
    let notes: HashMap<i64, String> = stored.iter().map(|m| (m.id, m.body.clone())).collect();
    let mut history = Vec::new();
    let mut messages = Vec::new();
    for m in stored {
        if m.kind == MessageKind::Event {
            history.push(HistoryEntry {
                at: m.created_at,
                message_id: m.body.clone(),
                detail: String::new(),
            });
        }
        messages.push(EvidenceMessage {
            id: m.id,
            kind: m.kind,
            side: side(m.author_id),
            author_name: m
                .author_id
                .and_then(|id| who.get(&id).cloned())
                .unwrap_or_default(),
            body: m.body,
            created_at: m.created_at,
            files: files.get(&m.id).cloned().unwrap_or_default(),
        });
    }
    for r in cancellations::list(&mut c, order.id).await? {
        history.push(HistoryEntry {
            at: r.created_at,
            message_id: "dispute-history-cancellation".to_owned(),
            detail: cancellation_detail(&r.reason, r.status),
        });
    }
    history.sort_by_key(|h| h.at);
    let deliveries = deliveries::list(&mut c, order.id)
        .await?
        .into_iter()
        .map(|d| EvidenceDelivery {
            delivered_at: d.delivered_at,
            outcome: d.outcome,
            send_back_reason: d.send_back_reason,
            note: notes.get(&d.message_id).cloned().unwrap_or_default(),
            files: files.get(&d.message_id).cloned().unwrap_or_default(),
        })
        .collect();
    Ok(Evidence {
        dispute,
        can_release: order.has_been_delivered,
        buyer_name: who.get(&order.buyer_id).cloned().unwrap_or_default(),
        seller_name: who.get(&order.seller_id).cloned().unwrap_or_default(),
        order,
        messages,
        deliveries,
        history,
    })
}

fn cancellation_detail(reason: &str, status: CancellationStatus) -> String {
    format!("{} ({})", reason, status.as_str())
}

/// The files of an order by message, with their hashes.
async fn files_by_message(
    c: &mut impl yorozu_store::Exec,
    order_id: OrderId,
) -> AppResult<HashMap<i64, Vec<EvidenceFile>>> {
    let hashes: HashMap<i64, String> = disputes::attachment_hashes(c, order_id)
        .await?
        .into_iter()
        .collect();
    let mut out: HashMap<i64, Vec<EvidenceFile>> = HashMap::new();
    for a in talk::attachments(c, order_id).await? {
        out.entry(a.message_id).or_default().push(EvidenceFile {
            id: a.id,
            sha256: hashes.get(&a.id).cloned().unwrap_or_default(),
            file_name: a.file_name,
            size_bytes: a.size_bytes,
        });
    }
    Ok(out)
}
