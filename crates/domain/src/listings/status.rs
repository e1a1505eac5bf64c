//! The life of a listing: draft → published ⇄ paused, and deleted from any of them.
//!
//! This is the only place that decides what a status allows (listed, purchasable, what a
//! visitor sees at its URL); other layers ask these methods instead of keeping lists.

use crate::error_code::error_codes;
use std::fmt;

/// Why a listing status or status change is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ListingStatusError {
    /// Not a key of [`ListingStatus`].
    #[error("unknown listing status")]
    Unknown,
    /// The state machine has no such edge, e.g. publishing a deleted listing or pausing a
    /// draft.
    #[error("a {from} listing cannot become {to}")]
    TransitionNotAllowed {
        /// The current status.
        from: ListingStatus,
        /// The status asked for.
        to: ListingStatus,
    },
}

error_codes! {
    ListingStatusError {
        Unknown => "listing-status-unknown",
        TransitionNotAllowed => "listing-status-transition-not-allowed",
    }
}

/// Where a listing stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ListingStatus {
    /// Being written (下書き): only its seller sees it.
    Draft,
    /// 公開中: listed, searchable and purchasable.
    Published,
    /// 出品停止中: the seller stopped sales for now. Not listed or searchable; its URL shows a
    /// "paused" notice to others and the full page to its seller, who can publish it again.
    Paused,
    /// 削除済み: gone for everyone; terminal. Kept as a row only for orders that refer to it.
    Deleted,
}

/// What a listing's own page shows to the one who opens it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListingPageView {
    /// The whole page (for the seller, with a banner naming the status when not published).
    Full,
    /// Only a notice that sales are paused (「出品停止中」); no content, no purchase button.
    PausedNotice,
    /// 404, as if the listing never existed.
    NotFound,
}

impl ListingStatus {
    /// Every status.
    pub const ALL: [ListingStatus; 4] = [Self::Draft, Self::Published, Self::Paused, Self::Deleted];

    /// Stable key for storage (the `status` column), forms and message ids.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Published => "published",
            Self::Paused => "paused",
            Self::Deleted => "deleted",
        }
    }

    /// Reads a key written by [`ListingStatus::as_str`].
    pub fn parse(key: &str) -> Result<Self, ListingStatusError> {
        Self::ALL
            .into_iter()
            .find(|status| status.as_str() == key.trim())
            .ok_or(ListingStatusError::Unknown)
    }

    /// The edges of the state machine: draft → published; published → paused;
    /// paused → published; draft, published or paused → deleted. Deleted is terminal, and
    /// staying in the same status is not a transition.
    pub fn can_transition_to(self, next: ListingStatus) -> bool {
        use ListingStatus::{Deleted, Draft, Paused, Published};
        matches!(
            (self, next),
            (Draft, Published)
                | (Published, Paused)
                | (Paused, Published)
                | (Draft | Published | Paused, Deleted)
        )
    }

    /// `next` if [`ListingStatus::can_transition_to`] allows it.
    pub fn transition_to(self, next: ListingStatus) -> Result<ListingStatus, ListingStatusError> {
        if self.can_transition_to(next) {
            Ok(next)
        } else {
            Err(ListingStatusError::TransitionNotAllowed {
                from: self,
                to: next,
            })
        }
    }

    /// Listed on category pages, in search results and on the seller's public page:
    /// published only.
    pub fn is_public(self) -> bool {
        self == Self::Published
    }

    /// May be bought (before other checks such as the seller's vacation, see
    /// [`super::purchasable_now`]): published only.
    pub fn is_purchasable(self) -> bool {
        self == Self::Published
    }

    /// The seller may still edit it: every status but deleted.
    pub fn is_editable(self) -> bool {
        self != Self::Deleted
    }

    /// No transition leaves this status.
    pub fn is_terminal(self) -> bool {
        Self::ALL
            .into_iter()
            .all(|next| !self.can_transition_to(next))
    }

    /// What the listing's URL shows: its seller sees every status but deleted in full;
    /// others see a published listing in full, a paused one as 「出品停止中」, and nothing
    /// (404) for a draft or a deleted one.
    pub fn page_view(self, viewer_is_seller: bool) -> ListingPageView {
        match (self, viewer_is_seller) {
            (Self::Deleted, _) => ListingPageView::NotFound,
            (_, true) | (Self::Published, false) => ListingPageView::Full,
            (Self::Paused, false) => ListingPageView::PausedNotice,
            (Self::Draft, false) => ListingPageView::NotFound,
        }
    }
}

impl fmt::Display for ListingStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error_code::ErrorCode;
    use ListingStatus::{Deleted, Draft, Paused, Published};
    use proptest::prelude::*;

    #[test]
    fn keys_round_trip() {
        for status in ListingStatus::ALL {
            assert_eq!(ListingStatus::parse(status.as_str()), Ok(status));
            assert_eq!(status.to_string(), status.as_str());
        }
        assert_eq!(
            ListingStatus::parse("Published"),
            Err(ListingStatusError::Unknown)
        );
        assert_eq!(
            ListingStatus::parse("公開"),
            Err(ListingStatusError::Unknown)
        );
    }

    #[test]
    fn the_transition_table() {
        let allowed = [
            (Draft, Published),
            (Published, Paused),
            (Paused, Published),
            (Draft, Deleted),
            (Published, Deleted),
            (Paused, Deleted),
        ];
        for from in ListingStatus::ALL {
            for to in ListingStatus::ALL {
                assert_eq!(
                    from.can_transition_to(to),
                    allowed.contains(&(from, to)),
                    "{from} → {to}"
                );
            }
        }
        assert_eq!(Draft.transition_to(Published), Ok(Published));
        assert_eq!(
            Draft.transition_to(Paused),
            Err(ListingStatusError::TransitionNotAllowed {
                from: Draft,
                to: Paused
            })
        );
    }

    #[test]
    fn only_deleted_is_terminal() {
        assert!(Deleted.is_terminal());
        assert!(!Draft.is_terminal() && !Published.is_terminal() && !Paused.is_terminal());
        assert!(!Deleted.is_editable() && Paused.is_editable());
    }

    #[test]
    fn only_published_is_listed_and_purchasable() {
        for status in ListingStatus::ALL {
            assert_eq!(status.is_public(), status == Published);
            assert_eq!(status.is_purchasable(), status == Published);
        }
    }

    #[test]
    fn what_the_url_shows() {
        assert_eq!(Published.page_view(false), ListingPageView::Full);
        assert_eq!(Paused.page_view(false), ListingPageView::PausedNotice);
        assert_eq!(Draft.page_view(false), ListingPageView::NotFound);
        assert_eq!(Deleted.page_view(false), ListingPageView::NotFound);
        assert_eq!(Draft.page_view(true), ListingPageView::Full);
        assert_eq!(Paused.page_view(true), ListingPageView::Full);
        assert_eq!(Deleted.page_view(true), ListingPageView::NotFound);
    }

    #[test]
    fn error_codes() {
        assert_eq!(ListingStatusError::Unknown.code(), "listing-status-unknown");
        assert_eq!(
            ListingStatusError::TransitionNotAllowed {
                from: Draft,
                to: Paused
            }
            .code(),
            "listing-status-transition-not-allowed"
        );
    }

    fn any_status() -> impl Strategy<Value = ListingStatus> {
        proptest::sample::select(ListingStatus::ALL.to_vec())
    }

    proptest! {
        #[test]
        fn no_walk_leaves_deleted(steps in proptest::collection::vec(any_status(), 0..20)) {
            let mut status = Deleted;
            for next in steps {
                prop_assert!(!status.can_transition_to(next));
                if let Ok(moved) = status.transition_to(next) {
                    status = moved;
                }
            }
            prop_assert_eq!(status, Deleted);
        }

        #[test]
        fn every_walk_follows_the_table(start in any_status(), steps in proptest::collection::vec(any_status(), 0..20)) {
            let mut status = start;
            for next in steps {
                match status.transition_to(next) {
                    Ok(moved) => {
                        prop_assert!(status.can_transition_to(moved));
                        prop_assert_ne!(moved, status);
                        status = moved;
                    }
                    Err(_) => prop_assert!(!status.can_transition_to(next)),
                }
                // Nothing that cannot be bought is public.
                prop_assert!(!status.is_public() || status.is_purchasable());
            }
        }
    }
}
