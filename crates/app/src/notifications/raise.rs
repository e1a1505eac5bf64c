//! The one function the rest of the code calls to tell a member about an event on the site.

use yorozu_domain::UserId;
use yorozu_domain::notifications::{NotificationKind, NotificationSubject};
use yorozu_store::Exec;
use yorozu_store::notification_centre::{self, NewNotification};

use super::grid::{self, Channel};
use crate::{App, AppResult};

/// Raises a notification of `kind` about `subject` for `user_id`, inside the caller's
/// transaction (so it exists exactly when the event does). Nothing is kept when the member
/// switched the on-site channel of the event's group off, or their account is not active.
pub async fn raise(
    c: &mut impl Exec,
    app: &App,
    user_id: UserId,
    kind: NotificationKind,
    subject: NotificationSubject,
) -> AppResult<()> {
    let category = grid::category_of(kind);
    if !grid::cell_enabled(c, user_id, category, Channel::Site).await? {
        return Ok(());
    }
    let (subject_kind, subject_id) = subject.parts();
    notification_centre::insert(
        c,
        &NewNotification {
            id: app.new_id(),
            user_id,
            kind,
            subject_kind,
            subject_id,
            now: app.now(),
        },
    )
    .await?;
    Ok(())
}
