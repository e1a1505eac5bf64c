//! The avatar: uploaded, checked, cropped to a square, re-encoded and stored encrypted.

use yorozu_domain::UserId;
use yorozu_domain::accounts::AccountStatus;
use yorozu_store::accounts::users;
use yorozu_store::profiles;

use crate::profile::image::{decode, in_decode_slot, to_jpeg};
use crate::{App, AppResult};

pub async fn upload(app: &App, user_id: UserId, bytes: Vec<u8>) -> AppResult<()> {
    let max = app.policy.avatar_max_bytes;
    let size = app.policy.avatar_pixels;
    let limits = app.policy.image_limits;
    let jpeg = in_decode_slot(move || {
        let img = decode("avatar", &bytes, max, limits)?;
        to_jpeg(&img.resize_to_fill(size, size, image::imageops::FilterType::Lanczos3))
    })
    .await?;

    let key = format!(
        "avatars/{}",
        crate::crypto::random_token()
            .to_lowercase()
            .replace(['-', '_'], "")
    );
    app.files.put(&key, &jpeg).await?;
    let mut tx = app.db.begin().await?;
    let previous = profiles::set_avatar(&mut tx, user_id, Some(&key), app.now()).await;
    let previous = match previous {
        Ok(p) => p,
        Err(e) => {
            let _ = app.files.delete(&key).await;
            return Err(e.into());
        }
    };
    tx.commit().await?;
    if let Some(old) = previous {
        app.files.delete(&old).await?;
    }
    Ok(())
}

pub async fn remove(app: &App, user_id: UserId) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    let previous = profiles::set_avatar(&mut tx, user_id, None, app.now()).await?;
    tx.commit().await?;
    if let Some(old) = previous {
        app.files.delete(&old).await?;
    }
    Ok(())
}

/// The JPEG bytes of an active member's avatar.
pub async fn load(app: &App, user_id: UserId) -> AppResult<Option<Vec<u8>>> {
    let mut c = app.db.read().await?;
    let active = users::find(&mut c, user_id)
        .await?
        .is_some_and(|u| u.status == AccountStatus::Active);
    let key = if active {
        profiles::find(&mut c, user_id)
            .await?
            .and_then(|p| p.avatar_key)
    } else {
        None
    };
    drop(c);
    match key {
        Some(key) => Ok(Some(app.files.get(&key).await?)),
        None => Ok(None),
    }
}
