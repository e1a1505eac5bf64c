//! Decoding nullable columns into domain types.
//!
//! sqlx's `try_from` converts the column's type as a whole, and `Option<i64>` to
//! `Option<UserId>` (or `Option<String>` to `Option<PurgeStep>`) is a conversion neither
//! `domain` (free of sqlx) nor `store` (owning neither type) may define; these store types
//! stand between the two.

use yorozu_domain::UnknownKey;

/// A nullable id column, read as `Option` of a domain id with
/// `#[sqlx(try_from = "crate::OptionalId")]`.
#[derive(Debug, Clone, Copy, sqlx::Type)]
#[sqlx(transparent)]
pub struct OptionalId(Option<i64>);

impl<T: From<i64>> From<OptionalId> for Option<T> {
    fn from(raw: OptionalId) -> Option<T> {
        raw.0.map(T::from)
    }
}

/// A nullable key column, read as `Option` of a domain enum with
/// `#[sqlx(try_from = "crate::OptionalKey")]`; a key the domain does not know is an error.
#[derive(Debug, Clone, sqlx::Type)]
#[sqlx(transparent)]
pub struct OptionalKey(Option<String>);

impl<T: TryFrom<String, Error = UnknownKey>> TryFrom<OptionalKey> for Option<T> {
    type Error = UnknownKey;

    fn try_from(raw: OptionalKey) -> Result<Option<T>, UnknownKey> {
        raw.0.map(T::try_from).transpose()
    }
}

#[cfg(test)]
mod tests {
    use yorozu_domain::UserId;
    use yorozu_domain::withdrawal::PurgeStep;

    use super::*;

    #[test]
    fn a_null_key_is_none_and_an_unknown_key_is_an_error() {
        let none: Result<Option<PurgeStep>, _> = OptionalKey(None).try_into();
        assert_eq!(none, Ok(None));
        let step = PurgeStep::ALL[0];
        let known: Result<Option<PurgeStep>, _> =
            OptionalKey(Some(step.as_str().to_owned())).try_into();
        assert_eq!(known, Ok(Some(step)));
        let unknown: Result<Option<PurgeStep>, _> =
            OptionalKey(Some("no-such-step".to_owned())).try_into();
        assert!(unknown.is_err());
    }

    #[test]
    fn a_null_id_is_none() {
        assert_eq!(Option::<UserId>::from(OptionalId(None)), None);
        assert_eq!(
            Option::<UserId>::from(OptionalId(Some(7))),
            Some(UserId::new(7))
        );
    }
}
