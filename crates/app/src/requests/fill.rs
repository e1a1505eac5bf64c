//! Buying a proposal fills its request. Called inside the purchase's transaction right after
//! the offer is marked accepted: the request becomes filled with a conditional update, so of
//! two purchases of two proposals on one request only the first books an order (the other
//! is refused and its charge given back by the purchase). The chosen seller is told their
//! proposal was chosen, every other seller with an open proposal that another was, and
//! their offers are withdrawn.

use yorozu_domain::OrderId;
use yorozu_domain::offers::OfferState;
use yorozu_store::Tx;
use yorozu_store::offers::versions::OfferRow;
use yorozu_store::requests;

use super::notify::{self, Event};
use crate::{App, AppError, AppResult};

/// Whether `offer` is a proposal; if so the request is filled by `order_id` (see the module
/// documentation). `Ok(false)` for an ordinary custom offer.
pub(crate) async fn on_purchase(
    tx: &mut Tx,
    app: &App,
    offer: &OfferRow,
    order_id: OrderId,
) -> AppResult<bool> {
    let Some(request_id) = requests::request_of_consultation(tx, offer.consultation_id).await?
    else {
        return Ok(false);
    };
    let now = app.now();
    if !requests::fill(tx, request_id, order_id, now).await? {
        return Err(AppError::Conflict("request-not-open"));
    }
    let Some(request) = requests::find(tx, request_id).await? else {
        return Ok(true);
    };
    let proposals = requests::proposals(tx, request_id).await?;
    requests::withdraw_open_proposals(tx, request_id, now).await?;
    for p in &proposals {
        if p.consultation_id == offer.consultation_id {
            notify::tell(tx, app, &request, p.seller_id, Event::ProposalChosen).await?;
        } else if p.offer_state == OfferState::Open {
            notify::tell(tx, app, &request, p.seller_id, Event::ProposalNotChosen).await?;
        }
    }
    Ok(true)
}
