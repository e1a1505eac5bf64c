//! Services (出品): rows, options, FAQ, images, favourites and the SQL lists of cards (keyword search is the search engine's, `yorozu-search`).

pub mod favorites;
pub mod images;
pub mod rows;
pub mod search;

pub use rows::{ListingRow, NewListing};
