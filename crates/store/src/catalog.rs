//! The catalogue's change log (`migrations/*/0018_catalog_changes.sql`): which service, which
//! member's cards and whether the public lists changed. Triggers append the rows in the same
//! transaction as the change; this module reads them and prunes what every process has applied.

use yorozu_domain::{ListingId, UserId};

use crate::dynamic::{Bind, QueryBuilder};
use crate::{Exec, Result, query_as, query_scalar};

/// One logged change, as written by the transaction that added `id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct CatalogChange {
    pub id: i64,
    /// A service whose page changed (its row, options, FAQ or images).
    #[sqlx(try_from = "crate::OptionalId")]
    pub listing_id: Option<ListingId>,
    /// A member whose cards changed (seller cards, reviews they wrote).
    #[sqlx(try_from = "crate::OptionalId")]
    pub member_id: Option<UserId>,
    /// The change can reorder or refill the public lists (home page sections).
    pub lists: bool,
}

const COLUMNS: &str = "SELECT id, listing_id, member_id, lists FROM catalog_changes";

/// Changes after `after_id`, oldest first, at most `limit`.
pub async fn after(c: &mut impl Exec, after_id: i64, limit: i64) -> Result<Vec<CatalogChange>> {
    Ok(query_as!(
        c,
        fetch_all,
        CatalogChange,
        "SELECT id, listing_id, member_id, lists FROM catalog_changes
         WHERE id > $1 ORDER BY id LIMIT $2",
        after_id,
        limit
    )?)
}

/// The changes among `ids` that exist (a gap filled since by a late commit).
pub async fn among(c: &mut impl Exec, ids: &[i64]) -> Result<Vec<CatalogChange>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let mut q = QueryBuilder::new(COLUMNS);
    q.push(" WHERE id IN (");
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            q.push(", ");
        }
        q.push_bind(Bind::I64(*id));
    }
    q.push(") ORDER BY id");
    q.fetch_all::<CatalogChange>(c).await
}

/// The newest change id, 0 when none: a process starting with an empty cache starts here.
pub async fn latest(c: &mut impl Exec) -> Result<i64> {
    Ok(query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT COALESCE(MAX(id), 0) FROM catalog_changes"
    )?)
}

/// The oldest change id still logged; `None` when the log is empty. A process whose last
/// applied id is below `oldest - 1` missed pruned changes and must forget its cache.
pub async fn oldest(c: &mut impl Exec) -> Result<Option<i64>> {
    Ok(query_scalar!(
        c,
        fetch_one,
        Option<i64>,
        "SELECT MIN(id) FROM catalog_changes"
    )?)
}

/// Deletes the changes up to `through_id`, always keeping the newest one (so that a process
/// behind the log can tell by [`oldest`]). Returns how many went.
pub async fn prune_through(c: &mut impl Exec, through_id: i64) -> Result<u64> {
    Ok(crate::execute!(
        c,
        "DELETE FROM catalog_changes WHERE id <= $1
            AND id < (SELECT MAX(id) FROM catalog_changes)",
        through_id
    )?)
}
