//! The language a member chose: remembered on the account, so that mail and pages on another
//! device use it too.

use yorozu_domain::Locale;
use yorozu_domain::UserId;
use yorozu_store::accounts::users;

use crate::{App, AppResult};

/// Saves `locale` as the language of the account `user_id`.
pub async fn remember(app: &App, user_id: UserId, locale: Locale) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    users::set_locale(&mut tx, user_id, locale.tag(), app.now()).await?;
    tx.commit().await?;
    Ok(())
}
