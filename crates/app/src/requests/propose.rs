//! A seller proposes (提案) on a request: a consultation between the request's buyer and the
//! seller on one of the seller's published services, tied to the request, with the
//! proposal's message as its first message and offer version 1 carrying the terms (expiring
//! at the request's proposal deadline). One proposal per seller per request (a unique index
//! backs the check); the request's limit is a conditional UPDATE of its proposal counter in
//! the same transaction, so two sellers racing for the last slot cannot both get it. The
//! seller revises it as any offer and may withdraw it, which gives the slot back: a proposal
//! holds a slot unless its seller withdrew it, from the request's page or the consultation's
//! ([`withdrawn`], [`offering_again`]).

use yorozu_domain::listings::ListingStatus;
use yorozu_domain::moderation::Activity;
use yorozu_domain::offers::OfferState;
use yorozu_domain::orders::OrderText;
use yorozu_domain::orders::text::MESSAGE_MAX_CHARS;
use yorozu_domain::{ConsultationId, ListingId, RequestId};
use yorozu_store::offers::consultations::{self, ConsultationRow, MessageRow};
use yorozu_store::offers::versions;
use yorozu_store::requests;

use super::notify::{self, Event};
use crate::accounts::CurrentUser;
use crate::offers::form::OfferForm;
use crate::{App, AppError, AppResult, Fields};

/// What the seller sends: the service the order will be on, the message, and the offer's
/// terms (its expiry is the request's deadline, whatever `offer.expiry_days` says).
#[derive(Debug, Clone, Default)]
pub struct ProposalForm {
    pub listing_id: String,
    pub message: String,
    pub offer: OfferForm,
}

/// Sends the seller's proposal; its consultation.
pub async fn propose(
    app: &App,
    seller: &CurrentUser,
    request_id: RequestId,
    form: &ProposalForm,
) -> AppResult<ConsultationId> {
    let mut fields = Fields::default();
    let listing_id = fields.check(
        "listing_id",
        form.listing_id
            .trim()
            .parse::<i64>()
            .map(ListingId::new)
            .map_err(|_| field_error("proposal-listing-invalid")),
    );
    let message = fields.check(
        "message",
        OrderText::parse(&form.message, MESSAGE_MAX_CHARS, true),
    );
    let mut offer_form = form.offer.clone();
    offer_form.expiry_days = String::new();
    let terms = match offer_form.parse(&app.policy) {
        Ok(terms) => Some(terms),
        Err(AppError::Invalid(errors)) => {
            errors.into_iter().for_each(|e| fields.push(e));
            None
        }
        Err(e) => return Err(e),
    };
    let (listing_id, message, terms) =
        fields.finish((|| Some((listing_id?, message?, terms?)))())?;

    let now = app.now();
    let mut tx = app.db.begin().await?;
    let request = requests::find(&mut tx, request_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if request.buyer_id == seller.id {
        return Err(AppError::Conflict("request-own"));
    }
    crate::moderation::standing::check(&mut tx, seller.id, Activity::PublishService).await?;
    crate::offers::consult::check_counterpart(&mut tx, seller.id, request.buyer_id).await?;
    let listing = yorozu_store::listings::rows::find(&mut tx, listing_id)
        .await?
        .filter(|l| l.seller_id == seller.id && l.status == ListingStatus::Published);
    if listing.is_none() {
        return Err(AppError::invalid("listing_id", "proposal-listing-invalid"));
    }
    if requests::proposal_of(&mut tx, request_id, seller.id)
        .await?
        .is_some()
    {
        return Err(AppError::Conflict("proposal-exists"));
    }
    if !requests::take_slot(&mut tx, request_id, now).await? {
        let open = request.state == yorozu_domain::requests::RequestState::Open
            && request.proposal_deadline > now;
        return Err(AppError::Conflict(if open {
            "request-proposals-full"
        } else {
            "request-not-open"
        }));
    }
    let consultation = ConsultationRow {
        id: app.new_id(),
        listing_id,
        buyer_id: request.buyer_id,
        seller_id: seller.id,
        request_id: Some(request_id),
        created_at: now,
        updated_at: now,
    };
    consultations::insert(&mut tx, &consultation).await?;
    consultations::insert_message(
        &mut tx,
        &MessageRow {
            id: app.new_id(),
            consultation_id: consultation.id,
            author_id: seller.id,
            body: message.as_str().to_owned(),
            created_at: now,
        },
    )
    .await?;
    crate::offers::send::store_version(
        &mut tx,
        app,
        &consultation,
        1,
        &terms,
        request.proposal_deadline,
    )
    .await?;
    notify::tell(
        &mut tx,
        app,
        &request,
        request.buyer_id,
        Event::ProposalReceived,
    )
    .await?;
    tx.commit().await?;
    Ok(consultation.id)
}

/// A field error with `code` (the field is named by [`Fields::check`]).
fn field_error(code: &'static str) -> crate::error::FieldError {
    crate::error::FieldError::new("", code)
}

/// The seller withdraws their open proposal; its slot is free again while the request is
/// open (the seller cannot propose on the same request twice).
pub async fn withdraw(app: &App, seller: &CurrentUser, request_id: RequestId) -> AppResult<()> {
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let proposal = requests::proposal_of(&mut tx, request_id, seller.id)
        .await?
        .ok_or(AppError::NotFound)?;
    if proposal.offer_state != OfferState::Open
        || !versions::close(&mut tx, proposal.offer_id, OfferState::Withdrawn, None, now).await?
    {
        return Err(AppError::Conflict("proposal-not-open"));
    }
    requests::release_slot(&mut tx, request_id, now).await?;
    tx.commit().await?;
    Ok(())
}

/// The seller withdrew the open offer of `consultation` from its page: a proposal gives its
/// request's slot back.
pub(crate) async fn withdrawn(
    c: &mut impl yorozu_store::Exec,
    consultation: &ConsultationRow,
    now: i64,
) -> AppResult<()> {
    if let Some(request_id) = consultation.request_id {
        requests::release_slot(c, request_id, now).await?;
    }
    Ok(())
}

/// Before a new offer version in `consultation` whose latest version was in state `latest`:
/// in a proposal's thread the request must still take proposals, a proposal its seller had
/// withdrawn takes a slot again, and the offer expires at the request's proposal deadline
/// (returned). `None` for an ordinary consultation.
pub(crate) async fn offering_again(
    c: &mut impl yorozu_store::Exec,
    consultation: &ConsultationRow,
    latest: Option<OfferState>,
    now: i64,
) -> AppResult<Option<i64>> {
    let Some(request_id) = consultation.request_id else {
        return Ok(None);
    };
    let request = requests::find(c, request_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if request.state != yorozu_domain::requests::RequestState::Open
        || request.proposal_deadline <= now
    {
        return Err(AppError::Conflict("request-not-open"));
    }
    if latest == Some(OfferState::Withdrawn) && !requests::take_slot(c, request_id, now).await? {
        return Err(AppError::Conflict("request-proposals-full"));
    }
    Ok(Some(request.proposal_deadline))
}
