//! Quote consultations (見積り相談) and custom offers (カスタム提案).
//!
//! A member asks the seller of a service for a quote ([`consult`]); that opens a thread in
//! which both write ([`consult::post_message`]) and the seller sends an offer, revising it
//! as they talk ([`send`]). The buyer declines ([`decide`]) or buys it: accepting is placing
//! an order through the usual final confirmation screen with the offer's terms
//! ([`purchase`], called from `orders::quote` and `orders::place`), where the offer is
//! marked accepted in the purchase's own transaction. Jobs remind the buyer a day before an
//! offer expires and record the expiry ([`jobs`]); every mail is queued in [`notify`].

pub mod consult;
pub mod decide;
pub mod form;
pub mod job_kinds;
pub mod jobs;
pub mod notify;
pub mod purchase;
pub mod send;
pub mod view;
pub mod withdrawal;

use yorozu_domain::{ConsultationId, UserId};
use yorozu_store::Exec;
use yorozu_store::offers::consultations::{self, ConsultationRow};

use crate::{AppError, AppResult};

/// Which side of a consultation a member is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// Asked for the quote; receives offers.
    Buyer,
    /// Sells the service; sends offers.
    Seller,
}

impl Side {
    fn of(row: &ConsultationRow, member: UserId) -> Option<Side> {
        if row.buyer_id == member {
            Some(Side::Buyer)
        } else if row.seller_id == member {
            Some(Side::Seller)
        } else {
            None
        }
    }

    /// The other party of the consultation.
    pub(crate) fn counterpart(self, row: &ConsultationRow) -> UserId {
        match self {
            Side::Buyer => row.seller_id,
            Side::Seller => row.buyer_id,
        }
    }
}

/// The consultation, for one of its two parties only (anyone else: not found).
pub(crate) async fn load_for(
    c: &mut impl Exec,
    id: ConsultationId,
    member: UserId,
) -> AppResult<(ConsultationRow, Side)> {
    let row = consultations::find(c, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let side = Side::of(&row, member).ok_or(AppError::NotFound)?;
    Ok((row, side))
}

/// The page of a consultation.
pub fn consultation_path(id: ConsultationId) -> String {
    format!("/consultations/{id}")
}
