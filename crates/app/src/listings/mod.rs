//! Services (出品): a seller's drafts, publishing and pausing, images, the public service page,
//! search and favourites.

mod card;
pub mod edit;
pub mod favorites;
pub mod form;
pub mod images;
pub mod manage;
mod my_listing;
pub mod rank;
pub mod search;
pub mod vacation;
pub mod view;

pub use card::Card;
pub use my_listing::MyListing;

use yorozu_domain::listings::ListingStatus;
use yorozu_store::listings::ListingRow;

use crate::accounts::CurrentUser;
use crate::{AppError, AppResult};

/// The listing if `user` owns it. Someone else's public listing is forbidden; someone else's
/// draft, and any deleted listing, look missing (a 403 would reveal that the draft exists).
pub(crate) fn owned(row: Option<ListingRow>, user: &CurrentUser) -> AppResult<ListingRow> {
    match row {
        Some(row) if row.seller_id == user.id && row.status != ListingStatus::Deleted => Ok(row),
        Some(row) if matches!(row.status, ListingStatus::Published | ListingStatus::Paused) => {
            Err(AppError::Forbidden)
        }
        _ => Err(AppError::NotFound),
    }
}
