//! Profiles (プロフィール): the public page, editing, the avatar and the completeness meter.

pub mod avatar;
pub mod edit;
pub mod image;
pub mod view;

pub use view::ProfileView;
