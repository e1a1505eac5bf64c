//! Reviews (評価) as visitors read them: the buyers' reviews on a service page and its full
//! review list, and a member's ratings on their public profile.
//!
//! The service page itself comes from the catalogue cache ([`crate::listings::view::load`]);
//! the reviews are read with it unless the whole rendered page is cached, which a change to an
//! author's profile drops (a name changed or an account closed must show at once). The
//! listing's own counters, which every buyer review updates, tell when there is nothing to read.

use std::sync::Arc;

use yorozu_domain::ListingId;
use yorozu_domain::UserId;
use yorozu_domain::orders::ReviewRole;
use yorozu_store::Exec;
use yorozu_store::orders::reviews::{self, PublicReview};

use crate::accounts::CurrentUser;
use crate::catalog::{self, Shows};
use crate::listings::view::{self, ListingView};
use crate::{App, AppError, AppResult};

/// How many reviews the service page shows; the rest are on `/services/{id}/reviews`.
pub const SERVICE_PAGE_REVIEWS: i64 = 10;
/// Reviews per page of the full list.
pub const REVIEWS_PER_PAGE: i64 = 20;
/// How many reviews received as a seller the profile page shows.
pub const PROFILE_REVIEWS: i64 = 5;

/// Who wrote a review, as the public may see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewAuthor {
    /// The author's display name.
    Named(String),
    /// The buyer chose to review anonymously (「匿名」).
    Anonymous,
    /// The author's account is gone (「退会したユーザー」).
    Withdrawn,
}

/// One review on a public page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewView {
    pub id: i64,
    pub listing_id: ListingId,
    /// The service's title when it was bought.
    pub listing_title: String,
    /// Whose name `author` shows, for the cache of pages that show it.
    pub author_id: Option<UserId>,
    pub author: ReviewAuthor,
    /// 1–5 stars.
    pub rating: i64,
    pub comment: String,
    pub created_at: i64,
    /// An operator removed it: pages show a note instead of the comment (and no stars count).
    pub removed: bool,
}

impl From<PublicReview> for ReviewView {
    fn from(r: PublicReview) -> ReviewView {
        // An anonymous review stays anonymous (saying its author withdrew would tell more).
        // Otherwise withdrawal keeps the reviews a member wrote but erases their profile: with
        // no author or no name left, the review is shown as the withdrawn member's.
        let author = match (r.anonymous, r.author_id, r.author_name) {
            (true, _, _) => ReviewAuthor::Anonymous,
            (false, Some(_), Some(name)) if !name.is_empty() => ReviewAuthor::Named(name),
            _ => ReviewAuthor::Withdrawn,
        };
        ReviewView {
            id: r.id,
            listing_id: r.listing_id,
            listing_title: r.listing_title,
            author_id: r.author_id,
            author,
            rating: r.rating,
            comment: r.comment,
            created_at: r.created_at,
            removed: r.removed,
        }
    }
}

/// How many ratings and their average.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RatingSummary {
    pub count: i64,
    /// Average rating × 100 (0 when there are no ratings), as the listing counters keep it.
    pub average_x100: i64,
}

impl RatingSummary {
    /// From a count and the sum of the ratings.
    pub fn from_sum(count: i64, sum: i64) -> RatingSummary {
        RatingSummary {
            count,
            average_x100: if count > 0 { sum * 100 / count } else { 0 },
        }
    }
}

/// The service page: the listing (cached) and its newest buyers' reviews.
#[derive(Debug, Clone)]
pub struct ServicePage {
    pub listing: ListingView,
    pub reviews: Vec<ReviewView>,
    /// Whether there are more reviews than the page shows.
    pub more_reviews: bool,
    /// Reviews were left out for this viewer (blocks): the page is theirs alone, never shared.
    pub personal: bool,
}

impl ServicePage {
    /// What the page shows, for the cache of rendered pages: the service, its seller's card
    /// and its reviews' authors; it goes stale by itself when the seller's vacation ends.
    pub fn shows(&self, now: i64) -> Shows {
        let mut shows = self.listing.shows();
        shows
            .members
            .extend(self.reviews.iter().filter_map(|r| r.author_id));
        shows.until = self.listing.vacation_raw.filter(|until| *until > now);
        shows
    }
}

/// Loads the service page for `viewer` with its newest reviews.
pub async fn service_page(
    app: &App,
    viewer: Option<&CurrentUser>,
    listing_id: ListingId,
) -> AppResult<ServicePage> {
    let listing = view::load(app, viewer, listing_id).await?;
    let newest = if listing.rating_count == 0 || listing.paused_notice {
        Arc::new(NewestReviews::default())
    } else {
        newest_reviews(app, &listing).await?
    };
    let reviews = without_blocked(app, viewer, newest.reviews.clone()).await?;
    Ok(ServicePage {
        listing,
        personal: reviews.len() != newest.reviews.len(),
        reviews,
        more_reviews: newest.more,
    })
}

/// A service's newest buyers' reviews, as its page shows them.
#[derive(Debug, Clone, Default)]
pub struct NewestReviews {
    pub reviews: Vec<ReviewView>,
    /// Whether there are more than the page shows.
    pub more: bool,
}

/// The newest reviews from the catalogue cache, or read and stored there. Every new review
/// updates the service's counters, and an author's changed name or closed account is a
/// change to that member: either drops the entry.
async fn newest_reviews(app: &App, listing: &ListingView) -> AppResult<Arc<NewestReviews>> {
    let seen = catalog::sync(app).await?;
    if let Some(cached) = app.catalog.newest_reviews(listing.id) {
        return Ok(cached);
    }
    let mut c = app.db.read().await?;
    let (reviews, more) = page_of(&mut c, listing.id, SERVICE_PAGE_REVIEWS, 0).await?;
    drop(c);
    let shows = Shows {
        listings: vec![listing.id],
        members: reviews.iter().filter_map(|r| r.author_id).collect(),
        ..Default::default()
    };
    let newest = Arc::new(NewestReviews { reviews, more });
    app.catalog
        .store_newest_reviews(seen, listing.id, newest.clone(), shows);
    Ok(newest)
}

/// One page of a service's reviews (`page` from 1).
#[derive(Debug, Clone)]
pub struct ServiceReviews {
    pub listing: ListingView,
    pub reviews: Vec<ReviewView>,
    pub page: i64,
    pub has_next: bool,
}

/// A page of the full review list of a service that the viewer may see.
pub async fn service_reviews(
    app: &App,
    viewer: Option<&CurrentUser>,
    listing_id: ListingId,
    page: i64,
) -> AppResult<ServiceReviews> {
    if page < 1 {
        return Err(AppError::NotFound);
    }
    let page = yorozu_domain::paging::clamp_page(page);
    let listing = view::load(app, viewer, listing_id).await?;
    let offset = (page - 1).saturating_mul(REVIEWS_PER_PAGE);
    let (reviews, has_next) = if listing.rating_count == 0 {
        (vec![], false)
    } else {
        let mut c = app.db.read().await?;
        page_of(&mut c, listing_id, REVIEWS_PER_PAGE, offset).await?
    };
    let reviews = without_blocked(app, viewer, reviews).await?;
    // Past the last page there is nothing to show; the first page may be empty.
    if reviews.is_empty() && page > 1 {
        return Err(AppError::NotFound);
    }
    Ok(ServiceReviews {
        listing,
        reviews,
        page,
        has_next,
    })
}

/// The reviews without those written by members the viewer blocks or is blocked by.
async fn without_blocked(
    app: &App,
    viewer: Option<&CurrentUser>,
    reviews: Vec<ReviewView>,
) -> AppResult<Vec<ReviewView>> {
    if viewer.is_none() || reviews.is_empty() {
        return Ok(reviews);
    }
    let hidden = crate::safety::blocks::hidden_from(app, viewer).await?;
    Ok(reviews
        .into_iter()
        .filter(|r| r.author_id.is_none_or(|a| !hidden.contains(&a)))
        .collect())
}

/// `limit` reviews from `offset`, and whether more follow (one row more is read to know).
async fn page_of(
    c: &mut impl Exec,
    listing_id: ListingId,
    limit: i64,
    offset: i64,
) -> AppResult<(Vec<ReviewView>, bool)> {
    let mut rows = reviews::for_listing(c, listing_id, limit + 1, offset).await?;
    let more = rows.len() as i64 > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(0));
    Ok((rows.into_iter().map(ReviewView::from).collect(), more))
}

/// What a member's public profile shows of the reviews they received.
#[derive(Debug, Clone)]
pub struct ProfileReviews {
    /// Ratings from their buyers (as a seller).
    pub as_seller: RatingSummary,
    /// The newest reviews from their buyers.
    pub latest_as_seller: Vec<ReviewView>,
    /// Ratings from their sellers (as a buyer).
    pub as_buyer: RatingSummary,
}

/// The reviews `member_id` received, for their profile page.
pub async fn profile(app: &App, member_id: UserId) -> AppResult<ProfileReviews> {
    let mut c = app.db.read().await?;
    let (count, sum) = reviews::summary(&mut c, member_id, ReviewRole::Buyer).await?;
    let as_seller = RatingSummary::from_sum(count, sum);
    let latest_as_seller = if count > 0 {
        reviews::received(&mut c, member_id, ReviewRole::Buyer, PROFILE_REVIEWS, 0)
            .await?
            .into_iter()
            .map(ReviewView::from)
            .collect()
    } else {
        vec![]
    };
    let (count, sum) = reviews::summary(&mut c, member_id, ReviewRole::Seller).await?;
    Ok(ProfileReviews {
        as_seller,
        latest_as_seller,
        as_buyer: RatingSummary::from_sum(count, sum),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(author_id: Option<UserId>, name: Option<&str>, anonymous: bool) -> PublicReview {
        PublicReview {
            id: 1,
            order_id: yorozu_domain::OrderId::new(2),
            listing_id: ListingId::new(3),
            listing_title: "ロゴ".into(),
            author_id,
            author_name: name.map(str::to_owned),
            rating: 5,
            comment: "とても良かったです".into(),
            anonymous,
            created_at: 0,
            removed: false,
        }
    }

    #[test]
    fn authors_are_named_anonymous_or_withdrawn() {
        assert_eq!(
            ReviewView::from(row(Some(UserId::new(9)), Some("花子"), false)).author,
            ReviewAuthor::Named("花子".into())
        );
        assert_eq!(
            ReviewView::from(row(Some(UserId::new(9)), Some("花子"), true)).author,
            ReviewAuthor::Anonymous
        );
        assert_eq!(
            ReviewView::from(row(None, None, true)).author,
            ReviewAuthor::Anonymous,
            "an anonymous review does not tell that its author withdrew"
        );
        for (id, name) in [
            (None, None),
            (Some(UserId::new(9)), None),
            (None, Some("花子")),
        ] {
            assert_eq!(
                ReviewView::from(row(id, name, false)).author,
                ReviewAuthor::Withdrawn
            );
        }
    }

    #[test]
    fn the_average_is_kept_in_hundredths() {
        assert_eq!(RatingSummary::from_sum(0, 0).average_x100, 0);
        assert_eq!(RatingSummary::from_sum(3, 14).average_x100, 466);
        assert_eq!(RatingSummary::from_sum(2, 10).average_x100, 500);
    }
}
