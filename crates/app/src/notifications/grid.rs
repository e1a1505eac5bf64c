//! The notification settings grid: event groups (the mail categories) × channels (mail, on
//! site), plus the daily digest of messages. The one source for what is sent: the outbox asks
//! it before sending a mail, [`super::raise`] before keeping a notification, and the
//! unsubscribe links switch its mail cells.
//!
//! Cells live in `notification_settings` under one key each: the category's own key for the
//! mail cell (the key unsubscribe links issued before the grid carry), `site.KEY` for the
//! on-site cell, and `digest.messages` for the digest. An unset cell takes its default.

use yorozu_domain::UserId;
use yorozu_domain::notifications::NotificationKind;
use yorozu_store::{Exec, notifications};

use crate::mail::{MailCategory, settings};
use crate::{App, AppError, AppResult};

/// How a member is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Mail,
    Site,
}

/// The group (row of the grid) an event belongs to.
pub fn category_of(kind: NotificationKind) -> MailCategory {
    use NotificationKind as K;
    match kind {
        K::NewMessage => MailCategory::Messages,
        K::ConsultationReceived
        | K::ConsultationMessage
        | K::OfferReceived
        | K::OfferRevised
        | K::OfferAccepted
        | K::OfferDeclined
        | K::OfferExpiring
        | K::ProposalReceived
        | K::ProposalChosen
        | K::ProposalNotChosen
        | K::RequestClosed => MailCategory::Offers,
        K::FollowedSellerNewService => MailCategory::Favorites,
        K::ModerationOutcome => MailCategory::Account,
        _ => MailCategory::Transactions,
    }
}

/// Whether a row has an on-site channel: marketing mail has no notification beside it.
pub fn has_site_channel(category: MailCategory) -> bool {
    !category.is_marketing()
}

/// The stored key of a cell.
fn site_key(category: MailCategory) -> String {
    format!("site.{}", category.key())
}

/// The stored key of the digest choice (messages only).
pub(crate) const DIGEST_KEY: &str = "digest.messages";

/// Whether the cell lets a notification or mail of this group through (mail cells apply the
/// locks and the marketing rules of [`settings::allows`] in the outbox).
pub async fn cell_enabled(
    c: &mut impl Exec,
    user_id: UserId,
    category: MailCategory,
    channel: Channel,
) -> AppResult<bool> {
    match channel {
        Channel::Site => Ok(has_site_channel(category)
            && notifications::get(c, user_id, &site_key(category))
                .await?
                .unwrap_or(true)),
        Channel::Mail => Ok(category.is_transactional()
            || notifications::get(c, user_id, category.key())
                .await?
                .unwrap_or(category.default_enabled())),
    }
}

/// Whether the member takes talk-room messages as one daily digest instead of one mail each.
pub async fn wants_digest(c: &mut impl Exec, user_id: UserId) -> AppResult<bool> {
    Ok(notifications::get(c, user_id, DIGEST_KEY)
        .await?
        .unwrap_or(false))
}

/// One cell of the grid as shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Cell {
    pub enabled: bool,
    /// Shown but cannot be changed (account and transaction mail).
    pub locked: bool,
}

/// One row of the grid.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Row {
    pub category: MailCategory,
    pub mail: Cell,
    /// None where the row has no on-site channel (marketing mail).
    pub site: Option<Cell>,
}

/// The member's grid and digest choice.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Grid {
    pub rows: Vec<Row>,
    /// Talk-room messages as one daily digest mail.
    pub message_digest: bool,
}

/// The member's grid, for the settings page and the API.
pub async fn of(app: &App, user_id: UserId) -> AppResult<Grid> {
    let mut c = app.db.read().await?;
    let mail = settings::effective(&mut c, user_id).await?;
    let mut rows = Vec::with_capacity(mail.len());
    for setting in mail {
        let site = if has_site_channel(setting.category) {
            Some(Cell {
                enabled: cell_enabled(&mut c, user_id, setting.category, Channel::Site).await?,
                locked: false,
            })
        } else {
            None
        };
        rows.push(Row {
            category: setting.category,
            mail: Cell {
                enabled: setting.enabled,
                locked: setting.locked,
            },
            site,
        });
    }
    let message_digest = wants_digest(&mut c, user_id).await?;
    Ok(Grid {
        rows,
        message_digest,
    })
}

/// A change to the grid: cells and the digest choice (what is absent stays).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    pub cells: Vec<(MailCategory, Channel, bool)>,
    pub message_digest: Option<bool>,
}

/// Saves the member's choices: mail cells through [`settings::update`] (locks, opt-in
/// rules), on-site cells and the digest beside them.
pub async fn update(app: &App, user_id: UserId, changes: &Changes) -> AppResult<()> {
    let mail: Vec<(MailCategory, bool)> = changes
        .cells
        .iter()
        .filter(|(_, channel, _)| *channel == Channel::Mail)
        .map(|&(category, _, enabled)| (category, enabled))
        .collect();
    for &(category, channel, _) in &changes.cells {
        if channel == Channel::Site && !has_site_channel(category) {
            return Err(AppError::BadRequest("settings-no-site-channel"));
        }
    }
    let now = app.now();
    let mut tx = app.db.begin().await?;
    settings::update_in(&mut tx, app, user_id, &mail).await?;
    for &(category, channel, enabled) in &changes.cells {
        if channel == Channel::Site {
            notifications::set(&mut tx, user_id, &site_key(category), enabled, now).await?;
        }
    }
    // Only a change is stored: the digest covers what came since it was chosen, which saving
    // the page again must not move.
    if let Some(digest) = changes.message_digest
        && digest != wants_digest(&mut tx, user_id).await?
    {
        notifications::set(&mut tx, user_id, DIGEST_KEY, digest, now).await?;
    }
    tx.commit().await?;
    Ok(())
}
