//! Buying an offer: the final confirmation screen and the purchase use the offer's terms in
//! place of the service's, and the purchase's transaction marks the offer accepted with a
//! conditional update, so that an offer that expired, was revised or was bought meanwhile
//! makes no order (the charge, if any, is then refunded by the purchase).

use yorozu_domain::{ListingId, OfferId, OrderId, Timestamp, UserId, Yen};
use yorozu_store::Exec;
use yorozu_store::listings::rows::{ListingRow, OptionRow};
use yorozu_store::offers::versions::{self, OfferOptionRow, OfferRow};

use super::notify;
use crate::{App, AppError, AppResult};

/// The offer a buyer is about to buy, with its options.
#[derive(Debug, Clone)]
pub(crate) struct Offered {
    pub(crate) offer: OfferRow,
    options: Vec<OfferOptionRow>,
}

impl Offered {
    /// The service row as the order books it: the offer's title, price and delivery days.
    pub(crate) fn apply(&self, listing: &mut ListingRow) {
        listing.title = self.offer.title.clone();
        listing.price = self.offer.price.0.yen();
        listing.delivery_days = i64::from(self.offer.delivery_days.0.get());
        listing.revisions = self.offer.revisions.0.as_storage();
    }

    /// The offer's paid options, as the service's would be.
    pub(crate) fn options(&self) -> Vec<OptionRow> {
        self.options
            .iter()
            .map(|o| OptionRow {
                position: o.position,
                title: o.title.clone(),
                price: Yen::new(o.price),
            })
            .collect()
    }
}

/// The offer `offer_id` for `buyer` on `listing_id`, if they can buy it now: anyone else's
/// offer is not found; one that is no longer open (expired, superseded, declined, bought) is
/// a conflict.
pub(crate) async fn for_purchase(
    c: &mut impl Exec,
    app: &App,
    buyer: UserId,
    offer_id: OfferId,
    listing_id: ListingId,
) -> AppResult<Offered> {
    let offer = versions::find(c, offer_id)
        .await?
        .filter(|o| o.buyer_id == buyer && o.listing_id == listing_id)
        .ok_or(AppError::NotFound)?;
    if !offer.state.can_accept(
        Timestamp::from_unix(offer.expires_at),
        Timestamp::from_unix(app.now()),
    ) {
        return Err(AppError::Conflict("offer-not-open"));
    }
    let options = versions::options(c, offer.id).await?;
    Ok(Offered { offer, options })
}

/// Inside the purchase's transaction: the offer becomes accepted with `order_id`, or the
/// purchase is refused because it no longer can (see the module documentation).
pub(crate) async fn accept(
    tx: &mut yorozu_store::Tx,
    app: &App,
    offer: &OfferRow,
    order_id: OrderId,
) -> AppResult<()> {
    if !versions::accept(tx, offer.id, offer.buyer_id, order_id, app.now()).await? {
        return Err(AppError::Conflict("offer-not-open"));
    }
    // A proposal on a request fills it (or the purchase is refused), and its seller hears
    // that their proposal was chosen instead of the offer mail.
    if crate::requests::fill::on_purchase(tx, app, offer, order_id).await? {
        return Ok(());
    }
    notify::offer(
        tx,
        app,
        offer,
        offer.seller_id,
        notify::Event::OfferAccepted,
        None,
    )
    .await
}
