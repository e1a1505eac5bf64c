//! Confirming the e-mail address through the mailed link, and sending the link again.

use yorozu_domain::UserId;
use yorozu_store::accounts::users;

use crate::accounts::throttle::{self, Bucket};
use crate::accounts::{Client, CurrentUser, purpose, register, tokens};
use crate::{App, AppError, AppResult};

/// Confirms the address; returns the member's id.
pub async fn confirm_email(app: &App, token: &str) -> AppResult<UserId> {
    let mut tx = app.db.begin().await?;
    let row = tokens::redeem(&mut tx, app, token, purpose::CONFIRM).await?;
    users::mark_email_verified(&mut tx, row.user_id, app.now()).await?;
    tx.commit().await?;
    Ok(row.user_id)
}

/// Sends a fresh confirmation link (the old one stops working); limited per client address.
pub async fn resend(app: &App, user: &CurrentUser, client: &Client) -> AppResult<()> {
    if user.email_verified {
        return Err(AppError::Conflict("confirm-already-done"));
    }
    throttle::count_mail_request(app, Bucket::ConfirmationResend, &client.ip).await?;
    let mut tx = app.db.begin().await?;
    register::send_confirmation(
        &mut tx,
        app,
        user.id,
        &user.email,
        &user.display_name,
        user.locale,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
