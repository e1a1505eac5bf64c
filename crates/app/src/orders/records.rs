//! What hangs off an order, as app hands it out: formal deliveries, cancellation requests,
//! reviews and talk-room attachments, with their states as domain types.

use yorozu_domain::ListingId;
use yorozu_domain::OrderId;
use yorozu_domain::UserId;
use yorozu_domain::orders::{CancellationStatus, DeliveryOutcome, ReviewRole};
use yorozu_store::orders::cancellations::CancellationRow;
use yorozu_store::orders::deliveries::DeliveryRow;
use yorozu_store::orders::reviews::ReviewRow;
use yorozu_store::orders::talk::AttachmentRow;

/// A formal delivery (正式な納品) and the buyer's decision on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub id: i64,
    pub order_id: OrderId,
    /// The talk-room entry with the delivery's note and files.
    pub message_id: i64,
    pub outcome: DeliveryOutcome,
    /// Why the buyer sent it back ("" otherwise).
    pub send_back_reason: String,
    pub delivered_at: i64,
    /// When it is approved if the buyer does not answer.
    pub auto_approve_at: i64,
    pub decided_at: Option<i64>,
}

impl From<DeliveryRow> for Delivery {
    fn from(d: DeliveryRow) -> Delivery {
        Delivery {
            id: d.id,
            order_id: d.order_id,
            message_id: d.message_id,
            outcome: d.outcome,
            send_back_reason: d.send_back_reason,
            delivered_at: d.delivered_at,
            auto_approve_at: d.auto_approve_at,
            decided_at: d.decided_at,
        }
    }
}

/// A cancellation request and its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cancellation {
    pub id: i64,
    pub order_id: OrderId,
    /// The user id of the side that asked.
    pub requested_by: UserId,
    pub reason: String,
    pub status: CancellationStatus,
    /// Until when the other side may answer; silence is agreement.
    pub deadline_at: i64,
    /// The other side's answer ("" if none).
    pub answer: String,
    pub answered_at: Option<i64>,
    pub created_at: i64,
}

impl From<CancellationRow> for Cancellation {
    fn from(c: CancellationRow) -> Cancellation {
        Cancellation {
            id: c.id,
            order_id: c.order_id,
            requested_by: c.requested_by,
            reason: c.reason,
            status: c.status,
            deadline_at: c.deadline_at,
            answer: c.answer,
            answered_at: c.answered_at,
            created_at: c.created_at,
        }
    }
}

/// A review (評価) of one side of an order by the other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub id: i64,
    pub order_id: OrderId,
    pub listing_id: ListingId,
    /// `None` once the author's account is erased; the review stays.
    pub author_id: Option<UserId>,
    pub subject_id: UserId,
    /// The author's side.
    pub author_role: ReviewRole,
    /// 1–5 stars.
    pub rating: i64,
    pub comment: String,
    /// The buyer chose to be shown without their name.
    pub anonymous: bool,
    pub created_at: i64,
}

impl From<ReviewRow> for Review {
    fn from(r: ReviewRow) -> Review {
        Review {
            id: r.id,
            order_id: r.order_id,
            listing_id: r.listing_id,
            author_id: r.author_id,
            subject_id: r.subject_id,
            author_role: r.author_role,
            rating: r.rating,
            comment: r.comment,
            anonymous: r.anonymous,
            created_at: r.created_at,
        }
    }
}

/// A file attached to a talk-room message or a delivery. Where its bytes are kept stays
/// inside app: they are read through [`super::talk::attachment`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub id: i64,
    pub order_id: OrderId,
    pub message_id: i64,
    /// The name to show and to download under, cleaned (see [`super::talk::clean_name`]).
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub created_at: i64,
}

impl From<AttachmentRow> for Attachment {
    /// Cleans the name again: rows stored before names were cleaned of bidirectional and
    /// invisible characters.
    fn from(a: AttachmentRow) -> Attachment {
        Attachment {
            id: a.id,
            order_id: a.order_id,
            message_id: a.message_id,
            file_name: super::talk::clean_name(&a.file_name),
            content_type: a.content_type,
            size_bytes: a.size_bytes,
            created_at: a.created_at,
        }
    }
}
