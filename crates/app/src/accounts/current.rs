//! The signed-in member as the rest of the application sees them.

use yorozu_domain::Locale;
use yorozu_domain::UserId;
use yorozu_domain::accounts::{AccountStatus, Role};
use yorozu_store::withdrawal::withdrawals;
use yorozu_store::{Exec, accounts::users, notification_centre, profiles};

use crate::AppResult;

#[derive(Debug, Clone, serde::Serialize)]
pub struct CurrentUser {
    pub id: UserId,
    pub email: String,
    pub email_verified: bool,
    pub role: Role,
    pub locale: Locale,
    pub display_name: String,
    /// A withdrawal is scheduled until the last blocker clears (every page says so).
    pub withdrawal_scheduled: bool,
    /// A suspension (利用停止) is in force: every page says so, and
    /// [`crate::moderation::standing`] refuses what it stops.
    pub suspended: bool,
    /// Unread notifications: the bell's count in every page's header (read with the session).
    pub unread_notifications: i64,
}

impl CurrentUser {
    pub fn is_operator(&self) -> bool {
        self.role == Role::Operator
    }

    /// The member of a live session; None for closed or purged accounts.
    pub fn of_session(m: yorozu_store::accounts::sessions::LiveMember) -> Option<CurrentUser> {
        let (Some(email), AccountStatus::Active) = (m.email, m.status) else {
            return None;
        };
        Some(CurrentUser {
            id: m.user_id,
            email,
            email_verified: m.email_verified_at.is_some(),
            role: m.role,
            locale: Locale::parse(&m.locale).unwrap_or_default(),
            display_name: m.display_name.unwrap_or_default(),
            withdrawal_scheduled: m.withdrawal_scheduled,
            suspended: m.suspended,
            unread_notifications: m.unread_notifications,
        })
    }

    /// Loads an active member; None for unknown, closed or purged accounts.
    pub async fn load(c: &mut impl Exec, user_id: UserId) -> AppResult<Option<CurrentUser>> {
        let Some(user) = users::find(c, user_id).await? else {
            return Ok(None);
        };
        let (Some(email), AccountStatus::Active) = (user.email, user.status) else {
            return Ok(None);
        };
        let display_name = profiles::find(c, user_id)
            .await?
            .map(|p| p.display_name)
            .unwrap_or_default();
        let withdrawal_scheduled = withdrawals::is_scheduled(c, user_id).await?;
        let suspended = yorozu_store::moderation::suspensions::in_force(c, user_id)
            .await?
            .is_some();
        let unread_notifications = notification_centre::unread(c, user_id).await?;
        Ok(Some(CurrentUser {
            id: user.id,
            email,
            email_verified: user.email_verified_at.is_some(),
            role: user.role,
            locale: Locale::parse(&user.locale).unwrap_or_default(),
            display_name,
            withdrawal_scheduled,
            suspended,
            unread_notifications,
        }))
    }
}
