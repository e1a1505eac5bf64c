//! Listing images: checked by content, resized, thumbnailed, stored encrypted.

use yorozu_domain::ListingId;
use yorozu_domain::listings::ListingStatus;
use yorozu_store::listings::images::{self, ImageRow};
use yorozu_store::listings::rows;

use crate::accounts::CurrentUser;
use crate::listings::owned;
use crate::profile::image::{decode, in_decode_slot, to_jpeg};
use crate::{App, AppError, AppResult};

/// Longest side of the stored image, and the thumbnail's size (4:3, as result cards show it).
const MAX_SIDE: u32 = 1280;
const THUMB: (u32, u32) = (480, 360);

pub async fn add(
    app: &App,
    seller: &CurrentUser,
    listing_id: ListingId,
    bytes: Vec<u8>,
) -> AppResult<i64> {
    {
        let mut c = app.db.read().await?;
        owned(rows::find(&mut c, listing_id).await?, seller)?;
        if images::count(&mut c, listing_id).await? >= app.policy.max_listing_images {
            return Err(AppError::invalid("image", "listing-images-too-many"));
        }
    }
    let max = app.policy.listing_image_max_bytes;
    let limits = app.policy.image_limits;
    let (full, thumb, width, height) = in_decode_slot(move || {
        let img = decode("image", &bytes, max, limits)?;
        let img = if img.width() > MAX_SIDE || img.height() > MAX_SIDE {
            img.thumbnail(MAX_SIDE, MAX_SIDE)
        } else {
            img
        };
        let thumb = img.resize_to_fill(THUMB.0, THUMB.1, image::imageops::FilterType::Triangle);
        Ok::<_, AppError>((to_jpeg(&img)?, to_jpeg(&thumb)?, img.width(), img.height()))
    })
    .await?;

    let id = app.new_id();
    let (file_key, thumb_key) = (format!("listings/{id}"), format!("listings/{id}_thumb"));
    app.files.put(&file_key, &full).await?;
    app.files.put(&thumb_key, &thumb).await?;
    let saved = async {
        let mut tx = app.db.begin().await?;
        owned(rows::find(&mut tx, listing_id).await?, seller)?;
        if images::count(&mut tx, listing_id).await? >= app.policy.max_listing_images {
            return Err(AppError::invalid("image", "listing-images-too-many"));
        }
        let position = images::next_position(&mut tx, listing_id).await?;
        images::insert(
            &mut tx,
            &ImageRow {
                id,
                listing_id,
                position,
                file_key: file_key.clone(),
                thumb_key: thumb_key.clone(),
                width: i64::from(width),
                height: i64::from(height),
                created_at: app.now(),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
    .await;
    if let Err(e) = saved {
        let _ = app.files.delete(&file_key).await;
        let _ = app.files.delete(&thumb_key).await;
        return Err(e);
    }
    Ok(id)
}

/// Deletes one image of the seller's listing; returns the listing's id.
pub async fn remove(app: &App, seller: &CurrentUser, image_id: i64) -> AppResult<ListingId> {
    let mut tx = app.db.begin().await?;
    let image = images::find(&mut tx, image_id)
        .await?
        .ok_or(AppError::NotFound)?;
    owned(rows::find(&mut tx, image.listing_id).await?, seller)?;
    images::delete(&mut tx, image_id).await?;
    tx.commit().await?;
    app.files.delete(&image.file_key).await?;
    app.files.delete(&image.thumb_key).await?;
    Ok(image.listing_id)
}

/// The JPEG bytes of an image (or its thumbnail) of a listing the viewer may see.
pub async fn load(
    app: &App,
    viewer: Option<&CurrentUser>,
    image_id: i64,
    thumb: bool,
) -> AppResult<Vec<u8>> {
    let mut c = app.db.read().await?;
    let image = images::find(&mut c, image_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let listing = rows::find(&mut c, image.listing_id)
        .await?
        .ok_or(AppError::NotFound)?;
    drop(c);
    let owner = viewer.is_some_and(|v| v.id == listing.seller_id);
    let visible = matches!(
        listing.status,
        ListingStatus::Published | ListingStatus::Paused
    ) || (owner && listing.status == ListingStatus::Draft);
    if !visible {
        return Err(AppError::NotFound);
    }
    Ok(app
        .files
        .get(if thumb {
            &image.thumb_key
        } else {
            &image.file_key
        })
        .await?)
}
