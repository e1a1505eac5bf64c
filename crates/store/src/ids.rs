//! Decoding nullable id columns into domain ids.

/// A nullable id column, read as `Option` of a domain id with
/// `#[sqlx(try_from = "crate::OptionalId")]`.
///
/// sqlx's `try_from` converts the column's type as a whole, and `Option<i64>` to
/// `Option<UserId>` is a conversion neither `domain` (free of sqlx) nor `store` (owning
/// neither type) may define; this store type stands between the two.
#[derive(Debug, Clone, Copy, sqlx::Type)]
#[sqlx(transparent)]
pub struct OptionalId(Option<i64>);

impl<T: From<i64>> From<OptionalId> for Option<T> {
    fn from(raw: OptionalId) -> Option<T> {
        raw.0.map(T::from)
    }
}
