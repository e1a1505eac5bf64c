//! Publishing, pausing (出品停止), resuming and deleting; the seller's own list.

use yorozu_domain::ListingId;
use yorozu_domain::listings::ListingStatus;
use yorozu_store::listings::{images, rows};

use crate::accounts::CurrentUser;
use crate::listings::{MyListing, owned};
use crate::{App, AppError, AppResult};

/// What a seller can do with a listing now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Publish,
    Pause,
    Resume,
    Delete,
}

impl Action {
    fn target(self) -> ListingStatus {
        match self {
            Action::Publish | Action::Resume => ListingStatus::Published,
            Action::Pause => ListingStatus::Paused,
            Action::Delete => ListingStatus::Deleted,
        }
    }

    pub fn parse(key: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.key() == key)
    }

    /// Every action, in the order pages offer them.
    pub const ALL: [Action; 4] = [
        Action::Publish,
        Action::Resume,
        Action::Pause,
        Action::Delete,
    ];

    /// The key used in forms and URLs (the inverse of [`Action::parse`]).
    pub fn key(self) -> &'static str {
        match self {
            Action::Publish => "publish",
            Action::Pause => "pause",
            Action::Resume => "resume",
            Action::Delete => "delete",
        }
    }

    /// The actions to offer for a listing in `status`, as the status machine allows them.
    /// Publishing a draft and resuming a paused listing are the same edge; each is offered
    /// under its own name only from the status it reads naturally for.
    pub fn offered(status: ListingStatus) -> Vec<Action> {
        Action::ALL
            .into_iter()
            .filter(|a| status.can_transition_to(a.target()))
            .filter(|a| match a {
                Action::Publish => status == ListingStatus::Draft,
                Action::Resume => status == ListingStatus::Paused,
                Action::Pause | Action::Delete => true,
            })
            .collect()
    }
}

/// Moves the listing through the status machine; refused transitions are a 409.
pub async fn apply(
    app: &App,
    seller: &CurrentUser,
    listing_id: ListingId,
    action: Action,
) -> AppResult<ListingStatus> {
    let mut tx = app.db.begin().await?;
    let row = owned(rows::find(&mut tx, listing_id).await?, seller)?;
    let from = row.status;
    let to = action.target();
    if !from.can_transition_to(to) {
        return Err(AppError::Conflict("listing-status-transition-not-allowed"));
    }
    if to == ListingStatus::Published && !seller.email_verified {
        return Err(AppError::Conflict("listing-needs-confirmed-email"));
    }
    if to == ListingStatus::Published {
        crate::moderation::holds::check_publishing(&mut tx, seller.id, Some(listing_id)).await?;
    }
    if !rows::set_status(&mut tx, listing_id, from, to, app.now()).await? {
        return Err(AppError::Conflict("listing-status-transition-not-allowed"));
    }
    // A first publication (not a resumption, not an edit) is news for the seller's followers.
    if to == ListingStatus::Published && row.published_at.is_none() {
        crate::follows::fan_out::announce_first_publication(&mut tx, app, listing_id, seller.id)
            .await?;
    }
    let mut erased_files = vec![];
    if to == ListingStatus::Deleted {
        for image in images::list(&mut tx, listing_id).await? {
            images::delete(&mut tx, image.id).await?;
            erased_files.push(image.file_key);
            erased_files.push(image.thumb_key);
        }
    }
    tx.commit().await?;
    // Files go after the commit: a crash leaves unreferenced files, never rows without files.
    for key in erased_files {
        app.files.delete(&key).await?;
    }
    Ok(to)
}

/// The seller's own listings, every status but deleted.
pub async fn mine(app: &App, seller: &CurrentUser) -> AppResult<Vec<MyListing>> {
    let mut c = app.db.read().await?;
    let rows = rows::list_by_seller(&mut c, seller.id, 200).await?;
    Ok(rows.into_iter().map(MyListing::from).collect())
}
