//! A report (通報): what it is about, why, and how it ended.

use crate::stored::UnknownKey;

/// Defines a small enum of stable keys with `ALL`, `as_str`, `parse` and a decoder for rows.
macro_rules! keyed {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($(#[$vmeta:meta])* $variant:ident => $key:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $key)] $variant,)+
        }

        impl $name {
            /// Every value, in the order forms list them.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// Stable key for storage, forms, the JSON API and message ids.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $key,)+
                }
            }

            /// Reads a key written by `as_str`.
            pub fn parse(key: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == key.trim())
            }
        }

        crate::stored::decode_key!($name, $what, $name::parse);
    };
}
pub(crate) use keyed;

keyed!(
    /// What a report is about; the target's id is that row's id.
    TargetKind, "report target kind" {
        /// A service (its listing).
        Service => "service",
        /// A member's public profile.
        Profile => "profile",
        /// A message in an order's talk room (only its parties may report it).
        Message => "message",
        /// A review.
        Review => "review",
        /// A message in a quote consultation (only its parties may report it).
        ConsultationMessage => "consultation_message",
        /// A custom offer's texts (only its parties may report it).
        Offer => "offer",
        /// A request on the board (公開依頼): its title and description.
        Request => "request",
        /// A tip's message to the seller (only the order's parties may report it).
        Tip => "tip",
    }
);

keyed!(
    /// Why a member reports something.
    ReportReason, "report reason" {
        /// A service the terms do not allow.
        ProhibitedService => "prohibited_service",
        /// Harassment or abuse.
        Harassment => "harassment",
        /// Exchanging contact details to trade outside the platform (直接取引).
        ContactDetails => "contact_details",
        /// Fraud or a scam.
        Fraud => "fraud",
        /// Copyright or another right infringed.
        Copyright => "copyright",
        /// Anything else (the comment says what).
        Other => "other",
    }
);

keyed!(
    /// Where a report stands.
    ReportState, "report state" {
        /// Waiting in the moderation queue.
        Open => "open",
        /// An operator acted; the outcome says how.
        Closed => "closed",
    }
);

keyed!(
    /// What an operator did about a target, which closes its open reports.
    ModerationAction, "moderation action" {
        /// Nothing against the rules was found.
        Dismiss => "dismiss",
        /// The service is taken out of sight until the seller fixes it and an operator
        /// restores it.
        HideService => "hide_service",
        /// The message or review is replaced by a note; a review leaves the ratings.
        RemoveContent => "remove_content",
        /// The member is warned (mail and a notice).
        Warn => "warn",
        /// The member is suspended (利用停止).
        Suspend => "suspend",
    }
);

/// How a closed report ended, as the reporter sees it: the action taken.
pub type Outcome = ModerationAction;

impl ModerationAction {
    /// Whether the action applies to a target of this kind: hiding is for services, removal
    /// for messages and reviews; dismissing, warning and suspending the owner fit any target.
    pub fn fits(self, kind: TargetKind) -> bool {
        match self {
            Self::HideService => kind == TargetKind::Service,
            Self::RemoveContent => matches!(
                kind,
                TargetKind::Message | TargetKind::Review | TargetKind::ConsultationMessage
            ),
            Self::Dismiss | Self::Warn | Self::Suspend => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for k in TargetKind::ALL {
            assert_eq!(TargetKind::parse(k.as_str()), Some(*k));
        }
        for r in ReportReason::ALL {
            assert_eq!(ReportReason::parse(r.as_str()), Some(*r));
        }
        for a in ModerationAction::ALL {
            assert_eq!(ModerationAction::parse(a.as_str()), Some(*a));
        }
        assert_eq!(ReportReason::parse("spam"), None);
    }

    #[test]
    fn actions_fit_their_targets() {
        assert!(ModerationAction::HideService.fits(TargetKind::Service));
        assert!(!ModerationAction::HideService.fits(TargetKind::Message));
        assert!(ModerationAction::RemoveContent.fits(TargetKind::Review));
        assert!(!ModerationAction::RemoveContent.fits(TargetKind::Profile));
        for kind in TargetKind::ALL {
            assert!(ModerationAction::Suspend.fits(*kind));
            assert!(ModerationAction::Dismiss.fits(*kind));
        }
    }
}
