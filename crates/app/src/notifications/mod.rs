//! The notification centre (お知らせ): events told to a member on the site, beside the mail.
//!
//! Code that mails a member about an event calls [`raise`] in the same transaction; the
//! member's settings grid (event groups × channels, [`grid`]) decides whether the on-site
//! notification is kept, as it decides for the mail. The bell reads the unread counter kept
//! per member; the centre lists, opens (marking read) and marks all read; talk-room
//! messages may come as one daily digest mail instead of one mail each ([`digest`]).

pub mod centre;
pub mod digest;
pub mod grid;
pub mod raise;

pub use raise::raise;
pub use yorozu_domain::notifications::{NotificationKind, NotificationSubject};
