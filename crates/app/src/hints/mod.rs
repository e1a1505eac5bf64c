//! Improvement hints (改善のヒント) for a seller's services, and the sellers' category page
//! ([`category`]). The facts are gathered here with SQL; the rules are the pure
//! [`yorozu_domain::hints::hints`]. Category numbers are medians over the sellers with a
//! completed order in the category, and only when there are at least
//! [`yorozu_domain::hints::MIN_SELLERS`] of them, so no one seller's numbers show through.

pub mod category;

use std::collections::BTreeMap;

use yorozu_domain::hints::{
    self as rules, CategoryFacts, Hint, SearchWord, ServiceFacts, median, median_of_sellers,
};
use yorozu_domain::listings::ListingStatus;
use yorozu_domain::listings::categories::{self, Category};
use yorozu_domain::{ListingId, UserId};
use yorozu_store::analytics::{Scope, top_values};
use yorozu_store::{Exec, hints as store};

use crate::accounts::CurrentUser;
use crate::{App, AppError, AppResult};

const DAY: i64 = 86_400;

/// The search words behind the title hint: those of the last this many days.
pub const WORD_DAYS: i64 = 90;

/// First replies measured: those of threads opened in the last this many days.
pub const REPLY_DAYS: i64 = 180;

/// How many search words are read for the title hint.
const WORDS_READ: i64 = 20;

/// One service's hints with the facts and category numbers they came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceHints {
    pub listing_id: ListingId,
    pub title: String,
    pub status: ListingStatus,
    /// The service's category (a leaf of the tree).
    pub category: &'static Category,
    pub facts: ServiceFacts,
    pub category_facts: CategoryFacts,
    /// Empty: nothing to improve.
    pub hints: Vec<Hint>,
}

/// The hints for one of the seller's services; not found unless it is theirs (and not
/// deleted).
pub async fn for_service(
    app: &App,
    seller: &CurrentUser,
    listing_id: ListingId,
) -> AppResult<ServiceHints> {
    let mut c = app.db.read().await?;
    let listing = yorozu_store::listings::rows::find(&mut c, listing_id)
        .await?
        .filter(|l| l.seller_id == seller.id && l.status != ListingStatus::Deleted)
        .ok_or(AppError::NotFound)?;
    let now = app.now();
    let own = SellerFacts::load(&mut c, seller.id, now).await?;
    let category = categories::by_id(listing.category_id).ok_or(AppError::NotFound)?;
    let category_facts = category_facts(&mut c, category.id, now, seller.id).await?;
    service_hints(&mut c, listing, category, &own, category_facts, now).await
}

/// The hints for every service of the seller (deleted ones left out), newest first.
pub async fn for_seller(app: &App, seller: &CurrentUser) -> AppResult<Vec<ServiceHints>> {
    let mut c = app.db.read().await?;
    let listings = yorozu_store::listings::rows::list_by_seller(&mut c, seller.id, 200).await?;
    let now = app.now();
    let own = SellerFacts::load(&mut c, seller.id, now).await?;
    let mut by_category: BTreeMap<i64, CategoryFacts> = BTreeMap::new();
    let mut out = Vec::new();
    for listing in listings {
        if listing.status == ListingStatus::Deleted {
            continue;
        }
        let Some(category) = categories::by_id(listing.category_id) else {
            continue;
        };
        let facts = match by_category.get(&category.id) {
            Some(f) => f.clone(),
            None => {
                let f = category_facts(&mut c, category.id, now, seller.id).await?;
                by_category.insert(category.id, f.clone());
                f
            }
        };
        out.push(service_hints(&mut c, listing, category, &own, facts, now).await?);
    }
    Ok(out)
}

/// The seller's own figures that every service of theirs shares.
struct SellerFacts {
    first_reply_seconds: Option<i64>,
    profile_percent: i64,
}

impl SellerFacts {
    async fn load(c: &mut impl Exec, seller: UserId, now: i64) -> AppResult<SellerFacts> {
        let samples = store::first_replies(c, &[seller], now - REPLY_DAYS * DAY).await?;
        let seconds: Vec<i64> = samples.iter().map(|s| s.seconds).collect();
        Ok(SellerFacts {
            first_reply_seconds: median(&seconds),
            profile_percent: profile_percent(c, seller).await?.unwrap_or(0),
        })
    }
}

async fn profile_percent(c: &mut impl Exec, member: UserId) -> AppResult<Option<i64>> {
    Ok(crate::profile::view::load(c, member)
        .await?
        .map(|p| i64::from(p.completeness().percent)))
}

async fn service_hints(
    c: &mut impl Exec,
    listing: yorozu_store::listings::rows::ListingRow,
    category: &'static Category,
    own: &SellerFacts,
    category_facts: CategoryFacts,
    now: i64,
) -> AppResult<ServiceHints> {
    let (images, faqs) = store::images_and_faqs(c, listing.id).await?;
    let to = yorozu_domain::analytics::day_start(now) + DAY;
    let words = top_values(
        c,
        Scope::Listing(listing.id),
        "word",
        to - WORD_DAYS * DAY,
        to,
        WORDS_READ,
    )
    .await?
    .into_iter()
    .map(|v| SearchWord {
        word: v.value,
        count: v.n,
    })
    .collect();
    let facts = ServiceFacts {
        title: listing.title.clone(),
        price: listing.price.get(),
        images,
        faqs,
        search_words: words,
        first_reply_seconds: own.first_reply_seconds,
        profile_percent: own.profile_percent,
    };
    let hints = rules::hints(&facts, &category_facts);
    Ok(ServiceHints {
        listing_id: listing.id,
        title: listing.title,
        status: listing.status,
        category,
        facts,
        category_facts,
        hints,
    })
}

/// The medians of `category`'s selling sellers (those with a completed order there before
/// today) other than `viewer`, each seller counted once by their own median and each median
/// only over at least K sellers: what `viewer` is compared with never is one other seller's
/// figure (see [`category`] for the same rules on the category page).
pub async fn category_facts(
    c: &mut impl Exec,
    category: i64,
    now: i64,
    viewer: UserId,
) -> AppResult<CategoryFacts> {
    let before = yorozu_domain::analytics::day_start(now);
    let orders = store::completed_orders(c, category, before).await?;
    let mut prices_of: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for o in orders.iter().filter(|o| o.seller_id != viewer) {
        prices_of
            .entry(o.seller_id.get())
            .or_default()
            .push(o.price);
    }
    if prices_of.len() < rules::MIN_SELLERS {
        return Ok(CategoryFacts::default());
    }
    let sellers: Vec<UserId> = prices_of.keys().map(|id| UserId::new(*id)).collect();
    let mut images_of: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for l in store::selling_listings(c, category).await? {
        if prices_of.contains_key(&l.seller_id.get()) {
            images_of
                .entry(l.seller_id.get())
                .or_default()
                .push(l.images);
        }
    }
    let images: Vec<i64> = images_of.values().filter_map(|v| median(v)).collect();
    let prices: Vec<i64> = prices_of.values().filter_map(|v| median(v)).collect();
    let samples = store::first_replies(c, &sellers, now - REPLY_DAYS * DAY).await?;
    let mut per_seller: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for s in samples {
        per_seller
            .entry(s.seller_id.get())
            .or_default()
            .push(s.seconds);
    }
    let reply_medians: Vec<i64> = per_seller.values().filter_map(|v| median(v)).collect();
    let mut percents = Vec::new();
    for seller in &sellers {
        if let Some(p) = profile_percent(c, *seller).await? {
            percents.push(p);
        }
    }
    Ok(CategoryFacts {
        median_images: median_of_sellers(&images),
        median_price: median_of_sellers(&prices),
        median_first_reply_seconds: median_of_sellers(&reply_medians),
        median_profile_percent: median_of_sellers(&percents),
    })
}
