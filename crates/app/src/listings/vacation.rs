//! Vacation mode (お休みモード): services stay visible but cannot be bought until the return date.

use yorozu_store::profiles;

use crate::accounts::CurrentUser;
use crate::{App, AppError, AppResult};

/// Longest vacation that can be set at once.
pub const MAX_DAYS: i64 = 180;

/// Sets the return time (unix seconds), or clears it with None.
pub async fn set(app: &App, seller: &CurrentUser, until: Option<i64>) -> AppResult<()> {
    let now = app.now();
    if let Some(until) = until {
        if until <= now {
            return Err(AppError::invalid("vacation_until", "vacation-in-past"));
        }
        if until > now + MAX_DAYS * 86_400 {
            return Err(AppError::invalid("vacation_until", "vacation-too-long"));
        }
    }
    let mut tx = app.db.begin().await?;
    profiles::set_vacation_until(&mut tx, seller.id, until).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn get(app: &App, seller: &CurrentUser) -> AppResult<Option<i64>> {
    let mut c = app.db.read().await?;
    Ok(profiles::vacation_until(&mut c, seller.id)
        .await?
        .filter(|u| *u > app.now()))
}
