//! Mail: categories and settings, composition in the recipient's language, the outbox (a job
//! per message) and one-click unsubscribe.

pub mod category;
pub mod compose;
pub mod newsletter;
pub mod outbox;
pub mod settings;
pub mod unsubscribe;

pub use category::MailCategory;
