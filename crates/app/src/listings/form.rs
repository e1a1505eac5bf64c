//! The listing form as submitted, parsed into domain values all at once.

use yorozu_domain::listings::{
    BuyerNotes, Category, DeliveryDays, Faq, ListingDescription, ListingPrice, ListingTitle,
    PaidOptions, Revisions, parse_listing_category,
};
use yorozu_domain::money::Yen;

use crate::config::Policy;
use crate::{AppResult, Fields};

/// Raw strings from the page or the API.
#[derive(Debug, Default, Clone, serde::Deserialize)]
pub struct ListingForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub price: String,
    #[serde(default)]
    pub delivery_days: String,
    #[serde(default)]
    pub revisions: String,
    #[serde(default)]
    pub buyer_notes: String,
    #[serde(default)]
    pub option_titles: Vec<String>,
    #[serde(default)]
    pub option_prices: Vec<String>,
    #[serde(default)]
    pub faq_questions: Vec<String>,
    #[serde(default)]
    pub faq_answers: Vec<String>,
}

/// A listing's content, valid by construction.
#[derive(Debug, Clone)]
pub struct ValidListing {
    pub title: ListingTitle,
    pub category: &'static Category,
    pub description: ListingDescription,
    pub price: ListingPrice,
    pub delivery_days: DeliveryDays,
    pub revisions: Revisions,
    pub buyer_notes: BuyerNotes,
    pub options: PaidOptions,
    pub faq: Faq,
}

impl ListingForm {
    pub fn parse(&self, policy: &Policy) -> AppResult<ValidListing> {
        let mut f = Fields::default();
        let title = f.check("title", ListingTitle::parse(&self.title));
        let category = f.check("category", parse_listing_category(&self.category));
        let description = f.check("description", ListingDescription::parse(&self.description));
        let price = f.check(
            "price",
            ListingPrice::parse(&self.price, Yen::new(policy.min_listing_price)),
        );
        let delivery_days = f.check("delivery_days", DeliveryDays::parse(&self.delivery_days));
        let revisions = f.check("revisions", Revisions::parse(&self.revisions));
        let buyer_notes = f.check("buyer_notes", BuyerNotes::parse(&self.buyer_notes));
        let options = f.check(
            "options",
            PaidOptions::parse(
                &self.option_titles,
                &self.option_prices,
                Yen::new(policy.min_option_price),
            ),
        );
        let faq = f.check("faq", Faq::parse(&self.faq_questions, &self.faq_answers));
        let all = (|| {
            Some(ValidListing {
                title: title?,
                category: category?,
                description: description?,
                price: price?,
                delivery_days: delivery_days?,
                revisions: revisions?,
                buyer_notes: buyer_notes?,
                options: options?,
                faq: faq?,
            })
        })();
        f.finish(all)
    }
}
