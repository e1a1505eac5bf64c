//! The buyer declines an offer (with an optional reason), or the seller takes back an open
//! one. Both are conditional on the offer still being open, so they cannot undo a purchase
//! made a moment earlier.

use yorozu_domain::offers::{DECLINE_REASON_MAX_CHARS, OfferState};
use yorozu_domain::orders::OrderText;
use yorozu_domain::{ConsultationId, OfferId};
use yorozu_store::offers::consultations;
use yorozu_store::offers::versions::{self, OfferRow};

use super::notify;
use crate::accounts::CurrentUser;
use crate::{App, AppError, AppResult, Fields};

/// The buyer declines; the seller gets mail with the reason, if one was given. Answers the
/// offer's consultation.
pub async fn decline(
    app: &App,
    buyer: &CurrentUser,
    offer_id: OfferId,
    reason: &str,
) -> AppResult<ConsultationId> {
    let mut fields = Fields::default();
    let reason = fields.check(
        "reason",
        OrderText::parse(reason, DECLINE_REASON_MAX_CHARS, false),
    );
    let reason = fields.finish(reason)?;
    let reason = Some(reason.as_str()).filter(|r| !r.is_empty());
    let mut tx = app.db.begin().await?;
    let offer = visible(&mut tx, offer_id, buyer).await?;
    if offer.buyer_id != buyer.id {
        return Err(AppError::Forbidden);
    }
    if !versions::close(&mut tx, offer.id, OfferState::Declined, reason, app.now()).await? {
        return Err(AppError::Conflict("offer-not-open"));
    }
    notify::offer(
        &mut tx,
        app,
        &offer,
        offer.seller_id,
        notify::Event::OfferDeclined,
        reason,
    )
    .await?;
    tx.commit().await?;
    Ok(offer.consultation_id)
}

/// The seller takes back an open offer (a proposal's gives its request's slot back).
pub async fn withdraw(
    app: &App,
    seller: &CurrentUser,
    offer_id: OfferId,
) -> AppResult<ConsultationId> {
    let mut tx = app.db.begin().await?;
    let offer = visible(&mut tx, offer_id, seller).await?;
    if offer.seller_id != seller.id {
        return Err(AppError::Forbidden);
    }
    let now = app.now();
    if !versions::close(&mut tx, offer.id, OfferState::Withdrawn, None, now).await? {
        return Err(AppError::Conflict("offer-not-open"));
    }
    let consultation = consultations::find(&mut tx, offer.consultation_id)
        .await?
        .ok_or(AppError::NotFound)?;
    crate::requests::propose::withdrawn(&mut tx, &consultation, now).await?;
    tx.commit().await?;
    Ok(offer.consultation_id)
}

/// The offer, for its two parties only.
pub(crate) async fn visible(
    c: &mut impl yorozu_store::Exec,
    offer_id: OfferId,
    member: &CurrentUser,
) -> AppResult<OfferRow> {
    versions::find(c, offer_id)
        .await?
        .filter(|o| o.buyer_id == member.id || o.seller_id == member.id)
        .ok_or(AppError::NotFound)
}
