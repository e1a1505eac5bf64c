//! Services (出品): rows, options, FAQ, images, the n-gram search index and favourites.

pub mod favorites;
pub mod grams;
pub mod images;
pub mod rows;
pub mod search;

pub use rows::{ListingRow, NewListing};
