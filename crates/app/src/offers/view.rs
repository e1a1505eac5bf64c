//! What the consultation page and the API show: the thread's messages and every offer
//! version with its state as of now and what changed since the version before.

use yorozu_domain::offers::{OfferField, OfferState, TermsDigest, changed_fields};
use yorozu_domain::{ConsultationId, ListingId, OfferId, OrderId, Timestamp, UserId};
use yorozu_store::offers::consultations::{self, ConsultationListRow};
use yorozu_store::offers::versions::{self, OfferOptionRow, OfferRow};

use super::{Side, load_for};
use crate::accounts::CurrentUser;
use crate::{App, AppResult};

/// A consultation as one of its parties sees it.
#[derive(Debug, Clone)]
pub struct ConsultationView {
    pub id: ConsultationId,
    pub side: Side,
    pub listing_id: ListingId,
    pub listing_title: String,
    /// The other party's display name (none once they withdrew).
    pub counterpart_name: Option<String>,
    pub messages: Vec<MessageView>,
    /// Every version, oldest first.
    pub offers: Vec<OfferView>,
}

/// One message of the thread.
#[derive(Debug, Clone)]
pub struct MessageView {
    pub id: i64,
    pub mine: bool,
    pub body: String,
    pub created_at: i64,
    pub attachments: Vec<AttachmentView>,
}

/// A file sent with a message.
#[derive(Debug, Clone)]
pub struct AttachmentView {
    pub id: i64,
    pub file_name: String,
    pub size_bytes: i64,
}

/// One version of an offer.
#[derive(Debug, Clone)]
pub struct OfferView {
    pub id: OfferId,
    pub version: i64,
    pub title: String,
    pub included: String,
    pub price: i64,
    pub delivery_days: i64,
    /// None for unlimited.
    pub revisions: Option<u8>,
    pub options: Vec<(String, i64)>,
    /// As of now: an open offer past its expiry shows as expired.
    pub state: OfferState,
    pub decline_reason: Option<String>,
    pub expires_at: i64,
    pub order_id: Option<OrderId>,
    /// What differs from the previous version (empty for the first).
    pub changes: Vec<OfferField>,
    pub created_at: i64,
}

impl OfferView {
    /// Whether the buyer can buy it now.
    pub fn can_accept(&self) -> bool {
        self.state == OfferState::Open
    }
}

fn digest<'a>(o: &'a OfferRow, options: &'a [OfferOptionRow]) -> TermsDigest<'a> {
    TermsDigest {
        title: &o.title,
        included: &o.included,
        price: o.price.0.yen().get(),
        delivery_days: o.delivery_days.0.as_storage(),
        revisions: o.revisions.0.as_storage(),
        options: options
            .iter()
            .map(|x| (x.title.as_str(), x.price))
            .collect(),
        expires_at: o.expires_at,
    }
}

/// The consultation for one of its parties.
pub async fn consultation(
    app: &App,
    member: &CurrentUser,
    id: ConsultationId,
) -> AppResult<ConsultationView> {
    let mut c = app.db.read().await?;
    let (row, side) = load_for(&mut c, id, member.id).await?;
    let listing_title = yorozu_store::listings::rows::find(&mut c, row.listing_id)
        .await?
        .map(|l| l.title)
        .unwrap_or_default();
    let counterpart_name = yorozu_store::profiles::find(&mut c, side.counterpart(&row))
        .await?
        .map(|p| p.display_name);
    let attachments = consultations::attachments(&mut c, id).await?;
    let messages = consultations::messages(&mut c, id)
        .await?
        .into_iter()
        .map(|m| MessageView {
            id: m.id,
            mine: m.author_id == member.id,
            attachments: attachments
                .iter()
                .filter(|a| a.message_id == m.id)
                .map(|a| AttachmentView {
                    id: a.id,
                    file_name: a.file_name.clone(),
                    size_bytes: a.size_bytes,
                })
                .collect(),
            body: m.body,
            created_at: m.created_at,
        })
        .collect();
    let rows = versions::of_consultation(&mut c, id).await?;
    let mut with_options = Vec::with_capacity(rows.len());
    for o in rows {
        let options = versions::options(&mut c, o.id).await?;
        with_options.push((o, options));
    }
    let now = Timestamp::from_unix(app.now());
    let mut views = Vec::with_capacity(with_options.len());
    for (i, (o, options)) in with_options.iter().enumerate() {
        let changes = match i.checked_sub(1).and_then(|p| with_options.get(p)) {
            Some((prev, prev_options)) => {
                changed_fields(&digest(prev, prev_options), &digest(o, options))
            }
            None => Vec::new(),
        };
        views.push(OfferView {
            id: o.id,
            version: o.version,
            title: o.title.clone(),
            included: o.included.clone(),
            price: o.price.0.yen().get(),
            delivery_days: o.delivery_days.0.as_storage(),
            revisions: o.revisions.0.limit(),
            options: options.iter().map(|x| (x.title.clone(), x.price)).collect(),
            state: o.state.effective(Timestamp::from_unix(o.expires_at), now),
            decline_reason: o.decline_reason.clone(),
            expires_at: o.expires_at,
            order_id: o.order_id,
            changes,
            created_at: o.created_at,
        });
    }
    Ok(ConsultationView {
        id,
        side,
        listing_id: row.listing_id,
        listing_title,
        counterpart_name,
        messages,
        offers: views,
    })
}

/// One line of the member's consultations.
#[derive(Debug, Clone)]
pub struct ConsultationLine {
    pub id: ConsultationId,
    pub side: Side,
    pub listing_title: String,
    pub counterpart_name: Option<String>,
    pub updated_at: i64,
}

impl ConsultationLine {
    fn of(row: ConsultationListRow, member: UserId) -> Self {
        Self {
            id: row.id,
            side: if row.buyer_id == member {
                Side::Buyer
            } else {
                Side::Seller
            },
            listing_title: row.listing_title,
            counterpart_name: row.counterpart_name,
            updated_at: row.updated_at,
        }
    }
}

/// The member's consultations as buyer or seller, most recently active first.
pub async fn list(app: &App, member: &CurrentUser) -> AppResult<Vec<ConsultationLine>> {
    let mut c = app.db.read().await?;
    Ok(consultations::of_member(&mut c, member.id)
        .await?
        .into_iter()
        .map(|r| ConsultationLine::of(r, member.id))
        .collect())
}

/// The title of a published service one may ask about (others: not found).
pub async fn listing_title(app: &App, listing_id: ListingId) -> AppResult<String> {
    let mut c = app.db.read().await?;
    yorozu_store::listings::rows::find(&mut c, listing_id)
        .await?
        .filter(|l| l.status == yorozu_domain::listings::ListingStatus::Published)
        .map(|l| l.title)
        .ok_or(crate::AppError::NotFound)
}
