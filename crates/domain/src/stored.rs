//! Reading back what the database holds.
//!
//! Store rows decode their columns into the types of this crate through `TryFrom`
//! (`#[sqlx(try_from = "String")]` or `"i64"` on the row field), so that the crate stays free
//! of sqlx while no caller re-parses a column. A stored key the domain does not know is a
//! decode error: the row is refused, never read with a silent default in its place.

use crate::accounts::{AccountStatus, Role, TokenScope};
use crate::export::ArchiveStatus;
use crate::identity::{DocumentKind, IdentityStatus};
use crate::jobs::JobStatus;
use crate::listings::ListingStatus;
use crate::orders::OrderState;
use crate::payouts::{BatchStatus, PayoutStatus};
use crate::profile::NdaWillingness;
use crate::promotions::PointKind;
use crate::withdrawal::{PurgeStep, WithdrawalEnding, WithdrawalState};

/// A stored key that no value of the domain type writes: a corrupt row or a newer writer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} {key:?} in the database")]
pub struct UnknownKey {
    /// The kind of value, e.g. `order state`.
    pub what: &'static str,
    /// The key as stored.
    pub key: String,
}

/// `TryFrom<String>` through the type's own reader of its `as_str()` keys.
macro_rules! decode_key {
    ($ty:ty, $what:literal, $read:expr) => {
        impl TryFrom<String> for $ty {
            type Error = UnknownKey;

            fn try_from(key: String) -> Result<Self, UnknownKey> {
                let read: fn(&str) -> Option<$ty> = $read;
                read(&key).ok_or(UnknownKey { what: $what, key })
            }
        }
    };
}
/// For the areas that keep their decoders beside their types (e.g. `orders::stored`).
pub(crate) use decode_key;

decode_key!(AccountStatus, "account status", AccountStatus::parse);
decode_key!(OrderState, "order state", |k| OrderState::parse(k).ok());
decode_key!(ListingStatus, "listing status", |k| ListingStatus::parse(k)
    .ok());
decode_key!(WithdrawalState, "withdrawal state", WithdrawalState::parse);
decode_key!(PurgeStep, "purge step", PurgeStep::parse);
decode_key!(IdentityStatus, "identity status", |k| {
    IdentityStatus::parse(k).ok()
});
decode_key!(DocumentKind, "document kind", |k| DocumentKind::parse(k)
    .ok());
decode_key!(NdaWillingness, "NDA willingness", |k| {
    NdaWillingness::parse(k).ok()
});
decode_key!(PayoutStatus, "payout status", PayoutStatus::parse);
decode_key!(BatchStatus, "batch status", BatchStatus::parse);
decode_key!(PointKind, "point kind", PointKind::parse);
decode_key!(ArchiveStatus, "archive status", ArchiveStatus::parse);
decode_key!(Role, "role", Role::parse);
decode_key!(TokenScope, "token scope", TokenScope::parse);
decode_key!(JobStatus, "job status", JobStatus::parse);
decode_key!(
    WithdrawalEnding,
    "withdrawal ending",
    WithdrawalEnding::parse
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_decodes_to_its_value() {
        for s in AccountStatus::ALL {
            assert_eq!(AccountStatus::try_from(s.as_str().to_owned()), Ok(s));
        }
        for s in OrderState::ALL {
            assert_eq!(OrderState::try_from(s.as_str().to_owned()), Ok(s));
        }
        for s in ListingStatus::ALL {
            assert_eq!(ListingStatus::try_from(s.as_str().to_owned()), Ok(s));
        }
        for s in WithdrawalState::ALL {
            assert_eq!(WithdrawalState::try_from(s.as_str().to_owned()), Ok(s));
        }
        for s in PurgeStep::ALL {
            assert_eq!(PurgeStep::try_from(s.as_str().to_owned()), Ok(s));
        }
        for s in IdentityStatus::ALL {
            assert_eq!(IdentityStatus::try_from(s.as_str().to_owned()), Ok(s));
        }
        for s in DocumentKind::ALL {
            assert_eq!(DocumentKind::try_from(s.as_str().to_owned()), Ok(s));
        }
        for s in NdaWillingness::ALL {
            assert_eq!(NdaWillingness::try_from(s.as_str().to_owned()), Ok(s));
        }
        for s in PayoutStatus::ALL {
            assert_eq!(PayoutStatus::try_from(s.as_str().to_owned()), Ok(s));
        }
        for s in BatchStatus::ALL {
            assert_eq!(BatchStatus::try_from(s.as_str().to_owned()), Ok(s));
        }
        for k in PointKind::ALL {
            assert_eq!(PointKind::try_from(k.as_str().to_owned()), Ok(k));
        }
    }

    #[test]
    fn an_unknown_key_is_an_error_not_a_default() {
        assert_eq!(
            OrderState::try_from("shipped".to_owned()),
            Err(UnknownKey {
                what: "order state",
                key: "shipped".to_owned()
            })
        );
        assert!(ListingStatus::try_from(String::new()).is_err());
        assert!(NdaWillingness::try_from("maybe".to_owned()).is_err());
    }
}
