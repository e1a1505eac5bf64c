//! How the API names a member: the same meaning as the pages. A member who has left (their
//! profile erased by a withdrawal's purge) is `departed: true`, with the localized
//! 「退会したユーザー」 as the display name, never an empty string.

use serde::Serialize;
use yorozu_domain::Locale;
use yorozu_domain::UserId;
use yorozu_i18n::Tr;

/// The message the pages show for a departed member.
const DEPARTED_NAME: &str = "orders-unknown-member";

/// A member named in a response (the other party of an order, a service's seller).
#[derive(Debug, Serialize)]
pub struct MemberRef {
    id: String,
    display_name: String,
    departed: bool,
}

impl MemberRef {
    /// `name` is the member's display name, empty when their profile is gone.
    pub fn new(id: UserId, name: String, locale: Locale) -> MemberRef {
        let (display_name, departed) = shown_name(name, locale);
        MemberRef {
            id: id.to_string(),
            display_name,
            departed,
        }
    }
}

/// The display name to show and whether the member has departed.
pub fn shown_name(name: String, locale: Locale) -> (String, bool) {
    if name.trim().is_empty() {
        (Tr::new(locale).t(DEPARTED_NAME), true)
    } else {
        (name, false)
    }
}
