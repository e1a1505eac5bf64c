//! The seller's offer form, parsed with the same limits as a service's (minimum price, fee
//! rules, delivery days, revisions, paid options) and the offer's own expiry.

use yorozu_domain::Yen;
use yorozu_domain::listings::{
    DeliveryDays, ListingDescription, ListingPrice, ListingTitle, PaidOptions, Revisions,
};
use yorozu_domain::offers::OfferExpiry;

use crate::config::Policy;
use crate::{AppResult, Fields};

/// What the seller typed.
#[derive(Debug, Clone, Default)]
pub struct OfferForm {
    pub title: String,
    /// What is included (内容), shown to the buyer.
    pub included: String,
    pub price: String,
    pub delivery_days: String,
    pub revisions: String,
    pub option_titles: Vec<String>,
    pub option_prices: Vec<String>,
    /// Days until the offer expires; blank for the default of 7.
    pub expiry_days: String,
}

/// The terms of an offer, every field valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferTerms {
    pub title: ListingTitle,
    pub included: ListingDescription,
    pub price: ListingPrice,
    pub delivery_days: DeliveryDays,
    pub revisions: Revisions,
    pub options: PaidOptions,
    pub expiry: OfferExpiry,
}

impl OfferForm {
    /// Every problem at once, under the form's field names.
    pub fn parse(&self, policy: &Policy) -> AppResult<OfferTerms> {
        let mut f = Fields::default();
        let title = f.check("title", ListingTitle::parse(&self.title));
        let included = f.check("included", ListingDescription::parse(&self.included));
        let price = f.check(
            "price",
            ListingPrice::parse(&self.price, Yen::new(policy.min_listing_price)),
        );
        let delivery_days = f.check("delivery_days", DeliveryDays::parse(&self.delivery_days));
        let revisions = f.check("revisions", Revisions::parse(&self.revisions));
        let options = f.check(
            "options",
            PaidOptions::parse(
                &self.option_titles,
                &self.option_prices,
                Yen::new(policy.min_option_price),
            ),
        );
        let expiry = f.check("expiry_days", OfferExpiry::parse(&self.expiry_days));
        let terms = (|| {
            Some(OfferTerms {
                title: title?,
                included: included?,
                price: price?,
                delivery_days: delivery_days?,
                revisions: revisions?,
                options: options?,
                expiry: expiry?,
            })
        })();
        f.finish(terms)
    }
}
