//! At a member's purge: the reports they filed stay without their id (the platform keeps
//! what it was told), the reports about their content go with the content, and their
//! suspensions, notices and holds are erased, and so are the operators' reasons about them in
//! the audit log.

use yorozu_domain::UserId;
use yorozu_store::Exec;
use yorozu_store::moderation::{holds, notices, reports, suspensions};

use crate::AppResult;

/// One batch of at most `limit` rows per table; returns how many rows it touched.
pub(crate) async fn erase_batch(c: &mut impl Exec, member: UserId, limit: i64) -> AppResult<u64> {
    let mut n = reports::forget_reporter(c, member, limit).await?;
    n += reports::delete_about(c, member, limit).await?;
    n += notices::delete_of(c, member, limit).await?;
    n += notices::clear_audit_reasons(c, member, limit).await?;
    n += suspensions::delete_of(c, member).await?;
    n += holds::delete_of_seller(c, member).await?;
    Ok(n)
}
