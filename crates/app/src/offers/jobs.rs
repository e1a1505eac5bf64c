//! The offer jobs. Each re-reads the offer: a reminder for an offer that was bought, revised
//! or declined meanwhile sends nothing, and expiring one that is no longer open changes
//! nothing (the same conditional update that makes expiry and a purchase exclusive).

use yorozu_domain::offers::OfferState;
use yorozu_store::offers::versions;

use super::job_kinds::{OfferExpiring, OfferExpiry};
use super::notify;
use crate::jobs::Job;
use crate::{App, AppResult};

impl Job for OfferExpiring {
    const KIND: &'static str = "offers.expiring";
    async fn run(self, app: &App) -> AppResult<()> {
        let mut tx = app.db.begin().await?;
        let Some(offer) = versions::find(&mut tx, self.offer_id).await? else {
            return Ok(());
        };
        if offer.state != OfferState::Open || offer.expires_at <= app.now() {
            return Ok(());
        }
        notify::offer(
            &mut tx,
            app,
            &offer,
            offer.buyer_id,
            notify::Event::OfferExpiring,
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

impl Job for OfferExpiry {
    const KIND: &'static str = "offers.expiry";
    async fn run(self, app: &App) -> AppResult<()> {
        let mut tx = app.db.begin().await?;
        versions::expire(&mut tx, self.offer_id, app.now()).await?;
        tx.commit().await?;
        Ok(())
    }
}
