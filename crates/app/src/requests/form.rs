//! The buyer's request form, parsed with the service's limits where they are the same thing
//! (category, title, description, the minimum price for each end of the budget) and the
//! request's own (budget order, proposal deadline, number of proposals, desired date).

use yorozu_domain::listings::categories::parse_listing_category;
use yorozu_domain::listings::{ListingDescription, ListingPrice, ListingTitle};
use yorozu_domain::requests::{
    Date, MaxProposals, ProposalWindow, RequestError, parse_desired_date,
};
use yorozu_domain::{Timestamp, Yen};

use crate::config::Policy;
use crate::{AppResult, Fields};

/// What the buyer typed.
#[derive(Debug, Clone, Default)]
pub struct RequestForm {
    pub category_id: String,
    pub title: String,
    pub description: String,
    pub budget_min: String,
    pub budget_max: String,
    /// `YYYY-MM-DD`, or blank.
    pub desired_date: String,
    /// Days until proposals close (1–30); blank for 7.
    pub proposal_days: String,
    /// Most proposals taken (1–50); blank for 10.
    pub max_proposals: String,
}

/// A request's fields, every one valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestTerms {
    pub category_id: i64,
    pub parent_category_id: i64,
    pub title: ListingTitle,
    pub description: ListingDescription,
    pub budget_min: ListingPrice,
    pub budget_max: ListingPrice,
    pub desired_date: Option<Date>,
    pub proposal_deadline: Timestamp,
    pub max_proposals: MaxProposals,
}

impl RequestForm {
    /// Every problem at once, under the form's field names; `now` is the posting time.
    pub fn parse(&self, policy: &Policy, now: Timestamp) -> AppResult<RequestTerms> {
        let mut f = Fields::default();
        let category = f.check("category_id", parse_listing_category(&self.category_id));
        let title = f.check("title", ListingTitle::parse(&self.title));
        let description = f.check("description", ListingDescription::parse(&self.description));
        let min = Yen::new(policy.min_listing_price);
        let budget_min = f.check("budget_min", ListingPrice::parse(&self.budget_min, min));
        let budget_max = f.check("budget_max", ListingPrice::parse(&self.budget_max, min));
        if let (Some(low), Some(high)) = (budget_min, budget_max)
            && low > high
        {
            f.check::<(), _>("budget_max", Err(RequestError::BudgetMinAboveMax));
        }
        let window = f.check("proposal_days", ProposalWindow::parse(&self.proposal_days));
        let deadline = window.map(|w| w.deadline(now));
        let desired_date = f.check(
            "desired_date",
            parse_desired_date(&self.desired_date, deadline.unwrap_or(now)),
        );
        let max_proposals = f.check("max_proposals", MaxProposals::parse(&self.max_proposals));
        let terms = (|| {
            let category = category?;
            Some(RequestTerms {
                category_id: category.id,
                parent_category_id: category.top_level_id(),
                title: title?,
                description: description?,
                budget_min: budget_min?,
                budget_max: budget_max?,
                desired_date: desired_date?,
                proposal_deadline: deadline?,
                max_proposals: max_proposals?,
            })
        })();
        f.finish(terms)
    }
}
