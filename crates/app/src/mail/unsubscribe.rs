//! One-click unsubscribe (RFC 8058): a signed link per member and category that works without
//! signing in and takes effect at once.

use yorozu_domain::UserId;
use yorozu_store::notifications;

use crate::mail::MailCategory;
use crate::ports::OutgoingMail;
use crate::{App, AppError, AppResult};

const PURPOSE: &str = "unsubscribe";

/// The signed token for this member and category.
pub fn token(app: &App, user_id: UserId, category: MailCategory) -> String {
    app.signer
        .sign(PURPOSE, &format!("{user_id}-{}", category.key()))
}

/// The page a person lands on from the link in the mail body.
pub fn url(app: &App, user_id: UserId, category: MailCategory) -> String {
    app.url(&format!(
        "/mail/unsubscribe?token={}",
        token(app, user_id, category)
    ))
}

/// Adds `List-Unsubscribe` and `List-Unsubscribe-Post` so mail clients offer one-click
/// unsubscribe; the URL receives a POST with `List-Unsubscribe=One-Click`.
pub fn add_headers(app: &App, mail: &mut OutgoingMail, user_id: UserId, category: MailCategory) {
    mail.headers.push((
        "List-Unsubscribe".into(),
        format!("<{}>", url(app, user_id, category)),
    ));
    mail.headers.push((
        "List-Unsubscribe-Post".into(),
        "List-Unsubscribe=One-Click".into(),
    ));
}

/// Verifies the token and switches the category off.
pub async fn unsubscribe(app: &App, token: &str) -> AppResult<MailCategory> {
    let (user_id, category) =
        parse(app, token).ok_or(AppError::LinkInvalid("unsubscribe-link-invalid"))?;
    let mut tx = app.db.begin().await?;
    notifications::set(&mut tx, user_id, category.key(), false, app.now()).await?;
    tx.commit().await?;
    tracing::info!(
        user_id = user_id.get(),
        category = category.key(),
        "unsubscribed"
    );
    Ok(category)
}

/// The member and category a token stands for, if it is genuine and not transactional.
pub fn parse(app: &App, token: &str) -> Option<(UserId, MailCategory)> {
    let value = app.signer.verify(PURPOSE, token)?;
    let (user, category) = value.split_once('-')?;
    let category = MailCategory::parse(category)?;
    if category.is_transactional() {
        return None;
    }
    Some((UserId::new(user.parse().ok()?), category))
}
