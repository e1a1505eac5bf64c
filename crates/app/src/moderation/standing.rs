//! A member's standing, read from the suspension in force: the one check the use cases that
//! reach other members (orders, messages, services) make before they act.

use yorozu_domain::UserId;
use yorozu_domain::moderation::{Activity, Standing};
use yorozu_store::Exec;
use yorozu_store::moderation::suspensions;

use crate::accounts::CurrentUser;
use crate::{App, AppError, AppResult};

/// The member's standing now.
pub async fn of(c: &mut impl Exec, user_id: UserId) -> AppResult<Standing> {
    Ok(match suspensions::in_force(c, user_id).await? {
        Some(s) => Standing::Suspended {
            reason: s.reason,
            since: s.created_at,
        },
        None => Standing::Good,
    })
}

/// Refuses `activity` for a suspended member (409 `moderation-suspended`), as
/// [`Standing::allows`] decides.
pub async fn check(c: &mut impl Exec, user_id: UserId, activity: Activity) -> AppResult<()> {
    of(c, user_id)
        .await?
        .allows(activity)
        .map_err(|_| AppError::Conflict("moderation-suspended"))
}

/// The signed-in member's standing, for their settings page.
pub async fn mine(app: &App, member: &CurrentUser) -> AppResult<Standing> {
    let mut c = app.db.read().await?;
    of(&mut c, member.id).await
}
