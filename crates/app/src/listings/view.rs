//! A service page: the listing with its options, FAQ, images and the seller's card.

use std::sync::Arc;
use yorozu_domain::ListingId;
use yorozu_domain::UserId;

use yorozu_domain::listings::{ListingPageView, ListingStatus, Revisions, purchasable_now};
use yorozu_domain::{Timestamp, Yen};
use yorozu_store::listings::{favorites, images, rows, search};

use crate::accounts::CurrentUser;
use crate::catalog::{self, Seen, Shows};
use crate::listings::form::ListingForm;
use crate::listings::{Card, card};
use crate::profile::{ProfileView, view as profile_view};
use crate::{App, AppError, AppResult};

#[derive(Debug, Clone, serde::Serialize)]
pub struct OptionView {
    /// The option's position, which the order pages use to name the chosen options.
    pub position: i64,
    pub title: String,
    pub price: Yen,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct FaqView {
    pub question: String,
    pub answer: String,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ImageView {
    pub id: i64,
    pub width: i64,
    pub height: i64,
}

/// What the seller card shows about the seller across their visible services.
#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct SellerStats {
    pub sales_count: i64,
    /// Average rating × 100 (0 when there are no ratings).
    pub rating_x100: i64,
    pub rating_count: i64,
}

impl From<rows::SellerTotals> for SellerStats {
    fn from(t: rows::SellerTotals) -> SellerStats {
        let rating_x100 = if t.rating_count > 0 {
            t.rating_sum * 100 / t.rating_count
        } else {
            0
        };
        SellerStats {
            sales_count: t.sales_count,
            rating_x100,
            rating_count: t.rating_count,
        }
    }
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ListingView {
    pub id: ListingId,
    pub status: ListingStatus,
    pub category_id: i64,
    pub title: String,
    pub description: String,
    pub price: Yen,
    pub delivery_days: i64,
    /// None = unlimited.
    pub revisions: Option<u8>,
    pub buyer_notes: String,
    pub options: Vec<OptionView>,
    pub faq: Vec<FaqView>,
    pub images: Vec<ImageView>,
    pub sales_count: i64,
    pub rating_x100: i64,
    pub rating_count: i64,
    pub favorites_count: i64,
    pub published_at: Option<i64>,
    pub updated_at: i64,
    pub seller: ProfileView,
    pub seller_stats: SellerStats,
    /// Until when the seller is on vacation, if they are now.
    pub vacation_until: Option<i64>,
    /// The stored return time, past or not (to recompute the two fields above and below).
    #[serde(skip)]
    pub vacation_raw: Option<i64>,
    pub purchasable: bool,
    pub viewer_is_seller: bool,
    pub paused_notice: bool,
    /// Whether the signed-in viewer keeps this service in their favourites.
    pub viewer_favorite: bool,
}

/// The service page for `viewer`; drafts are the seller's alone, deleted listings are gone.
///
/// Published pages seen by anyone but their seller come from the catalogue cache; only the
/// viewer's favourite mark and the time-dependent purchasability are worked out per request.
pub async fn load(
    app: &App,
    viewer: Option<&CurrentUser>,
    listing_id: ListingId,
) -> AppResult<ListingView> {
    let seen = catalog::sync(app).await?;
    if let Some(cached) = app.catalog.listing(listing_id)
        && viewer.is_none_or(|v| v.id != cached.seller.user_id)
    {
        let mut view = (*cached).clone();
        view.viewer_favorite = match viewer {
            Some(v) => favorite_mark(app, seen, v, listing_id).await?,
            None => false,
        };
        view.refresh_purchasable(app.now());
        return Ok(view);
    }
    let view = load_uncached(app, viewer, listing_id).await?;
    if view.status == ListingStatus::Published && !view.viewer_is_seller {
        app.catalog.store_listing(
            seen,
            Arc::new(ListingView {
                viewer_favorite: false,
                ..view.clone()
            }),
            view.shows(),
        );
    }
    Ok(view)
}

/// Whether `viewer` keeps the service among their favourites, from the catalogue cache when
/// it knows.
async fn favorite_mark(
    app: &App,
    seen: Seen,
    viewer: &CurrentUser,
    listing_id: ListingId,
) -> AppResult<bool> {
    if let Some(on) = app.catalog.favorite_mark(viewer.id, listing_id) {
        return Ok(on);
    }
    let mut c = app.db.read().await?;
    let on = favorites::is_favorite(&mut c, viewer.id, listing_id).await?;
    app.catalog
        .store_favorite_mark(seen, viewer.id, listing_id, on);
    Ok(on)
}

impl ListingView {
    /// What the page shows for the catalogue cache: the service and its seller's card.
    pub fn shows(&self) -> Shows {
        Shows {
            listings: vec![self.id],
            members: vec![self.seller.user_id],
            lists: false,
            until: None,
        }
    }

    /// Vacation ends at a moment, not at a change: recompute from the stored return time.
    fn refresh_purchasable(&mut self, now: i64) {
        let status = self.status;
        self.vacation_until = self.vacation_raw.filter(|until| *until > now);
        self.purchasable = purchasable_now(
            status,
            self.vacation_raw.map(Timestamp::from_unix),
            Timestamp::from_unix(now),
        );
    }
}

async fn load_uncached(
    app: &App,
    viewer: Option<&CurrentUser>,
    listing_id: ListingId,
) -> AppResult<ListingView> {
    let mut c = app.db.read().await?;
    let row = rows::find(&mut c, listing_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let status = row.status;
    let viewer_is_seller = viewer.is_some_and(|v| v.id == row.seller_id);
    let paused_notice = match status.page_view(viewer_is_seller) {
        ListingPageView::NotFound => return Err(AppError::NotFound),
        ListingPageView::PausedNotice => true,
        ListingPageView::Full => false,
    };
    let seller = profile_view::load(&mut c, row.seller_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let vacation = yorozu_store::profiles::vacation_until(&mut c, row.seller_id).await?;
    let now = app.now();
    let vacation_until = vacation.filter(|until| *until > now);
    let purchasable = purchasable_now(
        status,
        vacation.map(Timestamp::from_unix),
        Timestamp::from_unix(now),
    );
    let options = rows::options(&mut c, listing_id)
        .await?
        .into_iter()
        .map(|o| OptionView {
            position: o.position,
            title: o.title,
            price: o.price,
        })
        .collect();
    let faq = rows::faqs(&mut c, listing_id)
        .await?
        .into_iter()
        .map(|f| FaqView {
            question: f.question,
            answer: f.answer,
        })
        .collect();
    let images = images::list(&mut c, listing_id)
        .await?
        .into_iter()
        .map(|i| ImageView {
            id: i.id,
            width: i.width,
            height: i.height,
        })
        .collect();
    let seller_stats = rows::seller_totals(&mut c, row.seller_id).await?.into();
    let viewer_favorite = match viewer {
        Some(v) => favorites::is_favorite(&mut c, v.id, listing_id).await?,
        None => false,
    };
    Ok(ListingView {
        id: row.id,
        status,
        category_id: row.category_id,
        title: row.title,
        description: row.description,
        price: row.price,
        delivery_days: row.delivery_days,
        revisions: Revisions::from_storage(row.revisions)
            .ok()
            .and_then(Revisions::limit),
        buyer_notes: row.buyer_notes,
        options,
        faq,
        images,
        sales_count: row.sales_count,
        rating_x100: row.rating_x100,
        rating_count: row.rating_count,
        favorites_count: row.favorites_count,
        published_at: row.published_at,
        updated_at: row.updated_at,
        seller,
        seller_stats,
        vacation_until,
        vacation_raw: vacation,
        purchasable,
        viewer_is_seller,
        paused_notice,
        viewer_favorite,
    })
}

/// The edit form pre-filled from the stored listing (seller only).
pub async fn edit_form(
    app: &App,
    seller: &CurrentUser,
    listing_id: ListingId,
) -> AppResult<(ListingForm, ListingView)> {
    let view = load(app, Some(seller), listing_id).await?;
    if !view.viewer_is_seller {
        return Err(AppError::Forbidden);
    }
    let form = ListingForm {
        title: view.title.clone(),
        category: view.category_id.to_string(),
        description: view.description.clone(),
        price: view.price.get().to_string(),
        delivery_days: view.delivery_days.to_string(),
        revisions: view
            .revisions
            .map_or_else(|| "unlimited".to_owned(), |n| n.to_string()),
        buyer_notes: view.buyer_notes.clone(),
        option_titles: view.options.iter().map(|o| o.title.clone()).collect(),
        option_prices: view
            .options
            .iter()
            .map(|o| o.price.get().to_string())
            .collect(),
        faq_questions: view.faq.iter().map(|f| f.question.clone()).collect(),
        faq_answers: view.faq.iter().map(|f| f.answer.clone()).collect(),
    };
    Ok((form, view))
}

/// The newest and the most popular published services, for the home page.
pub async fn home_sections(app: &App) -> AppResult<(Vec<Card>, Vec<Card>)> {
    let mut c = app.db.read().await?;
    let base = search::Filter {
        category: None,
        min_price: None,
        max_price: None,
        max_delivery_days: None,
        min_rating_x100: None,
        verified_only: false,
        sort: search::Sort::Newest,
        limit: 8,
        offset: 0,
    };
    let newest = search::page_query(&base).fetch_all(&mut c).await?;
    let popular = search::page_query(&search::Filter {
        sort: search::Sort::Recommended,
        ..base
    })
    .fetch_all(&mut c)
    .await?;
    Ok((card::cards(newest), card::cards(popular)))
}

/// A seller's public page: their published services (newest first) and their totals.
#[derive(Debug, Clone)]
pub struct SellerListings {
    pub cards: Vec<Card>,
    pub stats: SellerStats,
}

/// How many services the seller's public page lists.
const SELLER_PAGE_LIMIT: i64 = 60;

pub async fn seller_listings(app: &App, seller_id: UserId) -> AppResult<SellerListings> {
    let mut c = app.db.read().await?;
    let ids: Vec<ListingId> = rows::list_published_by_seller(&mut c, seller_id, SELLER_PAGE_LIMIT)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect();
    let cards = card::cards(search::cards_by_ids(&mut c, &ids).await?);
    let stats = rows::seller_totals(&mut c, seller_id).await?.into();
    Ok(SellerListings { cards, stats })
}
