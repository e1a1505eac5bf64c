//! Creating a draft and editing a listing's content.

use yorozu_domain::ListingId;
use yorozu_domain::UserId;
use yorozu_domain::Yen;
use yorozu_store::listings::{NewListing, rows};
use yorozu_store::{Exec, profiles};

use crate::accounts::CurrentUser;
use crate::listings::form::{ListingForm, ValidListing};
use crate::listings::owned;
use crate::{App, AppError, AppResult};

/// Creates a private draft; returns its id.
pub async fn create(app: &App, seller: &CurrentUser, form: &ListingForm) -> AppResult<ListingId> {
    if !seller.email_verified {
        return Err(AppError::Conflict("listing-needs-confirmed-email"));
    }
    let valid = form.parse(&app.policy)?;
    let id = app.new_id();
    let mut tx = app.db.begin().await?;
    crate::moderation::holds::check_publishing(&mut tx, seller.id, None).await?;
    let verified = profiles::find(&mut tx, seller.id)
        .await?
        .is_some_and(|p| p.identity_verified_at.is_some());
    rows::insert(&mut tx, &new_listing(app, id, seller.id, &valid, verified)).await?;
    save_children(&mut tx, id, &valid).await?;
    tx.commit().await?;
    Ok(id)
}

/// Replaces the content of the seller's own listing (any status but deleted).
pub async fn update(
    app: &App,
    seller: &CurrentUser,
    listing_id: ListingId,
    form: &ListingForm,
) -> AppResult<()> {
    // Ownership first: someone else's listing must not answer differently for valid and
    // invalid forms.
    owned(
        rows::find(&mut app.db.read().await?, listing_id).await?,
        seller,
    )?;
    let valid = form.parse(&app.policy)?;
    let mut tx = app.db.begin().await?;
    let row = owned(rows::find(&mut tx, listing_id).await?, seller)?;
    rows::update_content(
        &mut tx,
        &new_listing(app, listing_id, seller.id, &valid, row.seller_verified),
    )
    .await?;
    save_children(&mut tx, listing_id, &valid).await?;
    tx.commit().await?;
    Ok(())
}

fn new_listing(
    app: &App,
    id: ListingId,
    seller_id: UserId,
    v: &ValidListing,
    seller_verified: bool,
) -> NewListing {
    NewListing {
        id,
        seller_id,
        category_id: v.category.id,
        parent_category_id: v.category.top_level_id(),
        title: v.title.as_str().to_owned(),
        description: v.description.as_str().to_owned(),
        price: v.price.yen(),
        delivery_days: v.delivery_days.as_storage(),
        revisions: v.revisions.as_storage(),
        buyer_notes: v.buyer_notes.as_str().to_owned(),
        seller_verified,
        now: app.now(),
    }
}

/// Options and FAQ follow the content in the same transaction (the search index follows the
/// listing's row through the change log its triggers append to).
async fn save_children(c: &mut impl Exec, id: ListingId, v: &ValidListing) -> AppResult<()> {
    let options: Vec<(String, Yen)> = v
        .options
        .iter()
        .map(|o| (o.title().to_owned(), o.price()))
        .collect();
    rows::replace_options(c, id, &options).await?;
    let faq: Vec<(String, String)> = v
        .faq
        .iter()
        .map(|e| (e.question().to_owned(), e.answer().to_owned()))
        .collect();
    rows::replace_faqs(c, id, &faq).await?;
    Ok(())
}
