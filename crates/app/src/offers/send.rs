//! The seller sends an offer in a consultation, or revises the open one: a revision is a new
//! version, and the version it replaces is superseded in the same transaction, so the buyer
//! can only ever buy the latest terms.

use yorozu_domain::listings::ListingStatus;
use yorozu_domain::moderation::Activity;
use yorozu_domain::offers::OfferState;
use yorozu_domain::{ConsultationId, OfferId, Timestamp};
use yorozu_store::Exec;
use yorozu_store::offers::consultations::{self, ConsultationRow};
use yorozu_store::offers::versions::{
    self, OfferOptionRow, OfferRow, StoredDays, StoredPrice, StoredRevisions,
};

use super::form::{OfferForm, OfferTerms};
use super::job_kinds::{OfferExpiring, OfferExpiry};
use super::{Side, load_for, notify};
use crate::accounts::CurrentUser;
use crate::{App, AppError, AppResult};

/// How long before its expiry the buyer is reminded of an open offer.
pub const REMINDER_BEFORE_SECONDS: i64 = 24 * 3600;

/// Sends a new offer, superseding the open one if there is one (a revision).
pub async fn send(
    app: &App,
    seller: &CurrentUser,
    id: ConsultationId,
    form: &OfferForm,
) -> AppResult<OfferId> {
    let terms = form.parse(&app.policy)?;
    let now = app.now();
    let mut tx = app.db.begin().await?;
    // Touching the thread first takes its row lock on PostgreSQL: two revisions sent at once
    // number their versions one after the other.
    consultations::touch(&mut tx, id, now).await?;
    let (row, side) = load_for(&mut tx, id, seller.id).await?;
    if side != Side::Seller {
        return Err(AppError::Forbidden);
    }
    crate::moderation::standing::check(&mut tx, seller.id, Activity::PublishService).await?;
    super::consult::check_counterpart(&mut tx, seller.id, row.buyer_id).await?;
    let listing = yorozu_store::listings::rows::find(&mut tx, row.listing_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if listing.status != ListingStatus::Published {
        return Err(AppError::Conflict("order-not-purchasable"));
    }
    let earlier = versions::of_consultation(&mut tx, id).await?;
    let latest = earlier.iter().max_by_key(|o| o.version).map(|o| o.state);
    let deadline = crate::requests::propose::offering_again(&mut tx, &row, latest, now).await?;
    let mut revised = false;
    for open in earlier.into_iter().filter(|o| o.state == OfferState::Open) {
        revised |= versions::close(&mut tx, open.id, OfferState::Superseded, None, now).await?;
    }
    let version = versions::next_version(&mut tx, id).await?;
    let expires_at =
        deadline.unwrap_or_else(|| terms.expiry.expires_at(Timestamp::from_unix(now)).unix());
    let offer = store_version(&mut tx, app, &row, version, &terms, expires_at).await?;
    let job = OfferExpiring { offer_id: offer.id };
    let remind_at = (offer.expires_at - REMINDER_BEFORE_SECONDS).max(now);
    crate::jobs::enqueue(&mut tx, app, &job, Some(row.buyer_id), remind_at).await?;
    let event = if revised {
        notify::Event::OfferRevised
    } else {
        notify::Event::OfferReceived
    };
    notify::offer(&mut tx, app, &offer, row.buyer_id, event, None).await?;
    tx.commit().await?;
    Ok(offer.id)
}

/// Stores a new open offer version on `terms` in `consultation`, with its paid options and
/// the job that expires it (sending, revising and proposing on a request all go through here).
pub(crate) async fn store_version(
    c: &mut impl Exec,
    app: &App,
    consultation: &ConsultationRow,
    version: i64,
    terms: &OfferTerms,
    expires_at: i64,
) -> AppResult<OfferRow> {
    let now = app.now();
    let offer = OfferRow {
        id: app.new_id(),
        consultation_id: consultation.id,
        version,
        listing_id: consultation.listing_id,
        seller_id: consultation.seller_id,
        buyer_id: consultation.buyer_id,
        title: terms.title.to_string(),
        included: terms.included.to_string(),
        price: StoredPrice(terms.price),
        delivery_days: StoredDays(terms.delivery_days),
        revisions: StoredRevisions(terms.revisions),
        state: OfferState::Open,
        decline_reason: None,
        expires_at,
        order_id: None,
        created_at: now,
        updated_at: now,
    };
    versions::insert(c, &offer).await?;
    for (position, option) in (1_i64..).zip(terms.options.iter()) {
        versions::insert_option(
            c,
            &OfferOptionRow {
                offer_id: offer.id,
                position,
                title: option.title().to_owned(),
                price: option.price().get(),
            },
        )
        .await?;
    }
    let job = OfferExpiry { offer_id: offer.id };
    crate::jobs::enqueue(c, app, &job, None, offer.expires_at).await?;
    Ok(offer)
}
