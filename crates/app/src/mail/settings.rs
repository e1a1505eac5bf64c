//! Reading and changing a member's notification settings.

use yorozu_domain::UserId;
use yorozu_store::{Exec, accounts::users, notifications};

use crate::mail::MailCategory;
use crate::{App, AppError, AppResult};

/// One row of the settings page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Setting {
    pub category: MailCategory,
    pub enabled: bool,
    pub locked: bool,
}

/// The member's mail settings, one per category, for the settings page and the API.
pub async fn of(app: &App, user_id: UserId) -> AppResult<Vec<Setting>> {
    let mut c = app.db.read().await?;
    effective(&mut c, user_id).await
}

pub async fn effective(c: &mut impl Exec, user_id: UserId) -> AppResult<Vec<Setting>> {
    let stored = notifications::list(c, user_id).await?;
    Ok(MailCategory::ALL
        .into_iter()
        .map(|category| {
            let locked = category.is_transactional();
            let enabled = locked
                || stored
                    .iter()
                    .find(|s| s.category == category.key())
                    .map_or(category.default_enabled(), |s| s.enabled);
            Setting {
                category,
                enabled,
                locked,
            }
        })
        .collect())
}

/// Whether mail of this category may go to the member now (checked again when sending, so a
/// change takes effect for mail already queued).
pub async fn allows(
    c: &mut impl Exec,
    app: &App,
    user_id: UserId,
    category: MailCategory,
) -> AppResult<bool> {
    if category.is_transactional() {
        return Ok(true);
    }
    let enabled = notifications::get(c, user_id, category.key())
        .await?
        .unwrap_or(category.default_enabled());
    if !enabled {
        return Ok(false);
    }
    if category.is_marketing() {
        // Marketing mail goes only to confirmed addresses: otherwise anyone could sign up with
        // someone else's address and have newsletters sent to it.
        let Some(user) = users::find(c, user_id).await? else {
            return Ok(false);
        };
        let (Some(email), Some(_)) = (user.email, user.email_verified_at) else {
            return Ok(false);
        };
        if notifications::is_suppressed(c, &app.signer.email_hash(&email)).await? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Saves the member's choices; transactional categories cannot be switched off.
pub async fn update(app: &App, user_id: UserId, choices: &[(MailCategory, bool)]) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    update_in(&mut tx, app, user_id, choices).await?;
    tx.commit().await?;
    Ok(())
}

/// [`update`] inside the caller's transaction (the settings grid saves its other cells in it).
pub async fn update_in(
    tx: &mut impl Exec,
    app: &App,
    user_id: UserId,
    choices: &[(MailCategory, bool)],
) -> AppResult<()> {
    let now = app.now();
    for &(category, enabled) in choices {
        if category.is_transactional() {
            if !enabled {
                return Err(AppError::Conflict("settings-transactional-locked"));
            }
            continue;
        }
        // A new, explicit opt-in to marketing mail needs a confirmed address, and lifts an
        // earlier suppression of that address.
        if enabled && category.is_marketing() {
            let user = users::find(tx, user_id).await?.ok_or(AppError::NotFound)?;
            let (Some(email), Some(_)) = (user.email, user.email_verified_at) else {
                return Err(AppError::Conflict("settings-confirm-email-first"));
            };
            notifications::lift_suppression(tx, &app.signer.email_hash(&email)).await?;
        }
        notifications::set(tx, user_id, category.key(), enabled, now).await?;
    }
    Ok(())
}
