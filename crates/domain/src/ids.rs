//! Identifiers of stored entities.
//!
//! Ids are chosen by the application, not by the database, so that one SQL text works on
//! SQLite and PostgreSQL and so that a row and the job that refers to it can be written in
//! the same transaction. Each kind of id is its own type: a `UserId` cannot be passed where
//! a `DocumentId` is expected.

/// Start of the id clock (2023-11-14T22:13:20Z). Counting from here instead of 1970 leaves
/// 41 bits of milliseconds, about 69 years (until 2093), before the id would need the
/// sign bit.
pub const ID_EPOCH_MILLIS: i64 = 1_700_000_000_000;

/// Bits of randomness below the timestamp: 4 194 304 values per millisecond.
const RANDOM_BITS: u32 = 22;
const RANDOM_MASK: i64 = (1 << RANDOM_BITS) - 1;
/// Largest millisecond offset that still fits below the sign bit after shifting.
const MAX_MILLIS_OFFSET: i64 = i64::MAX >> RANDOM_BITS;

/// Builds a time-ordered, non-negative id: milliseconds since [`ID_EPOCH_MILLIS`] in the
/// high bits, the low 22 bits of `random` below them.
///
/// Ids made in a later millisecond always sort after earlier ones, which keeps B-tree
/// inserts at the right edge and lets "newest first" be `ORDER BY id DESC`. Clocks before the
/// epoch are clamped to it (and far-future ones to the maximum) rather than producing a
/// negative id (ordering is only guaranteed between the epoch and 2093); only the exact
/// epoch millisecond with `random & 0x3F_FFFF == 0` yields 0.
pub fn new_id(unix_millis: i64, random: u32) -> i64 {
    let millis = unix_millis
        .saturating_sub(ID_EPOCH_MILLIS)
        .clamp(0, MAX_MILLIS_OFFSET);
    (millis << RANDOM_BITS) | (i64::from(random) & RANDOM_MASK)
}

/// Defines an `i64` id newtype with the same small API for every entity.
macro_rules! define_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
            serde::Serialize, serde::Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(i64);

        impl $name {
            /// Wraps a raw id read from the database or made by [`new_id`].
            pub const fn new(raw: i64) -> Self {
                Self(raw)
            }

            /// The raw value, for binding into SQL.
            pub const fn get(self) -> i64 {
                self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                std::fmt::Display::fmt(&self.0, f)
            }
        }

        /// A stored id (`#[sqlx(try_from = "i64")]` on a row field).
        impl From<i64> for $name {
            fn from(raw: i64) -> Self {
                Self(raw)
            }
        }

        impl From<$name> for i64 {
            fn from(id: $name) -> i64 {
                id.0
            }
        }
    };
}

define_id!(
    /// A member or operator account; after withdrawal it keeps naming the tombstone row.
    UserId
);
define_id!(
    /// An uploaded identity document (本人確認書類).
    DocumentId
);
define_id!(
    /// A row in the background jobs table.
    JobId
);
define_id!(
    /// An API token issued to a member.
    TokenId
);
define_id!(
    /// An order: one purchase of one listing by one buyer, from payment to completion.
    OrderId
);
define_id!(
    /// A listing (出品): a service a seller offers.
    ListingId
);
define_id!(
    /// A withdrawal (退会): a member's request to close the account, and its purge.
    WithdrawalId
);
define_id!(
    /// A payout batch: payout requests sent to the bank in one transfer file.
    BatchId
);
define_id!(
    /// A quote consultation (見積り相談): the pre-order thread between a member and a seller.
    ConsultationId
);
define_id!(
    /// One version of a custom offer (カスタム提案); a revision is a new id.
    OfferId
);
define_id!(
    /// A request on the request board (公開依頼) that a buyer posted for sellers to propose on.
    RequestId
);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn id_round_trips_and_displays() {
        let id = UserId::new(42);
        assert_eq!(id.get(), 42);
        assert_eq!(id.to_string(), "42");
        assert_eq!(i64::from(id), 42);
    }

    #[test]
    fn id_serializes_transparently() {
        // Checked through the serde data model without pulling in serde_json.
        use serde::de::IntoDeserializer;
        use serde::de::value::{Error, I64Deserializer};
        let de: I64Deserializer<Error> = 7_i64.into_deserializer();
        let id: JobId = serde::Deserialize::deserialize(de).expect("transparent i64");
        assert_eq!(id, JobId::new(7));
    }

    #[test]
    fn new_id_layout() {
        assert_eq!(new_id(ID_EPOCH_MILLIS, 5), 5);
        assert_eq!(new_id(ID_EPOCH_MILLIS + 1, 0), 1 << 22);
        // Only the low 22 bits of the random part are used.
        assert_eq!(new_id(ID_EPOCH_MILLIS, u32::MAX), 0x3F_FFFF);
    }

    #[test]
    fn new_id_clamps_instead_of_going_negative() {
        assert_eq!(new_id(0, 1), 1);
        assert_eq!(new_id(i64::MIN, u32::MAX), 0x3F_FFFF);
        assert!(new_id(i64::MAX, u32::MAX) > 0);
    }

    proptest! {
        #[test]
        fn new_id_is_never_negative(millis in any::<i64>(), random in any::<u32>()) {
            prop_assert!(new_id(millis, random) >= 0);
        }

        #[test]
        fn later_millisecond_sorts_after(
            millis in ID_EPOCH_MILLIS..ID_EPOCH_MILLIS + MAX_MILLIS_OFFSET - 1_000_000,
            step in 1_i64..1_000_000,
            a in any::<u32>(),
            b in any::<u32>(),
        ) {
            prop_assert!(new_id(millis, a) < new_id(millis + step, b));
        }
    }
}
