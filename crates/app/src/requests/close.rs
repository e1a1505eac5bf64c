//! Closing a request: early by its buyer, at its deadline ([`super::jobs`]) or at the buyer's
//! withdrawal. Open proposals on it end (their offers withdrawn) in the same transaction, and
//! every seller who proposed is told.

use yorozu_domain::offers::OfferState;
use yorozu_domain::{RequestId, UserId};
use yorozu_store::Exec;
use yorozu_store::requests;

use super::notify::{self, Event};
use crate::accounts::CurrentUser;
use crate::{App, AppError, AppResult};

/// The buyer closes their open request before its deadline.
pub async fn close(app: &App, buyer: &CurrentUser, id: RequestId) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    let row = requests::find(&mut tx, id)
        .await?
        .filter(|r| r.buyer_id == buyer.id)
        .ok_or(AppError::NotFound)?;
    if !requests::close(&mut tx, row.id, app.now()).await? {
        return Err(AppError::Conflict("request-not-open"));
    }
    end_proposals(&mut tx, app, id, false).await?;
    tx.commit().await?;
    Ok(())
}

/// After the request closed: its open offers are withdrawn and every proposer is told (and
/// the buyer too when the deadline closed it).
pub(crate) async fn end_proposals(
    c: &mut impl Exec,
    app: &App,
    id: RequestId,
    at_deadline: bool,
) -> AppResult<()> {
    let Some(row) = requests::find(c, id).await? else {
        return Ok(());
    };
    let proposals = requests::proposals(c, id).await?;
    requests::withdraw_open_proposals(c, id, app.now()).await?;
    for p in proposals
        .iter()
        .filter(|p| p.offer_state == OfferState::Open)
    {
        notify::tell(c, app, &row, p.seller_id, Event::RequestClosed).await?;
    }
    if at_deadline {
        notify::tell(c, app, &row, row.buyer_id, Event::RequestClosedForBuyer).await?;
    }
    Ok(())
}

/// At withdrawal: the member's open requests close, and their open proposals on other
/// members' requests are withdrawn (their slots given back), in the closing transaction.
pub(crate) async fn close_open_of(c: &mut impl Exec, app: &App, member: UserId) -> AppResult<u64> {
    let now = app.now();
    let mut closed = 0;
    for id in requests::open_of_buyer(c, member).await? {
        if requests::close(c, id, now).await? {
            end_proposals(c, app, id, false).await?;
            closed += 1;
        }
    }
    for p in requests::open_proposals_of_seller(c, member).await? {
        yorozu_store::offers::versions::close(c, p.offer_id, OfferState::Withdrawn, None, now)
            .await?;
        requests::release_slot(c, p.request_id, now).await?;
        closed += 1;
    }
    Ok(closed)
}
