//! How the API names a member: the same meaning as the pages. A member who has left (their
//! profile erased by a withdrawal's purge) is `departed: true`, with the localized
//! 「退会したユーザー」 as the display name, never an empty string.

use serde::Serialize;
use utoipa::ToSchema;
use yorozu_domain::Locale;
use yorozu_domain::UserId;
use yorozu_i18n::Tr;

use crate::api::openapi::fields as openapi;

/// The message the pages show for a departed member.
const DEPARTED_NAME: &str = "orders-unknown-member";

/// A member named in a response. A member who has withdrawn (退会) and whose profile was
/// erased is `departed: true`, with the localized 「退会したユーザー」 / "Former member" as
/// `display_name` (never an empty string).
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = OrderCounterpart)]
pub struct MemberRef {
    #[schema(schema_with = openapi::id)]
    id: String,
    #[schema(min_length = 1)]
    display_name: String,
    /// The member has withdrawn (退会); `display_name` is then the localized 「退会したユーザー」.
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
