//! How the reviews a member wrote will look after they withdraw: kept for the members they
//! reviewed, with the author shown as 「退会したユーザー」 (DESIGN.md's data table).

use yorozu_store::orders::reviews::{self, PublicReview};

use crate::accounts::CurrentUser;
use crate::orders::reviews_public::ReviewView;
use crate::{App, AppResult};

/// `member`'s newest written review as public pages will show it once their account is
/// purged; `None` when they have written none.
///
/// The purge clears the review's author, so the preview clears it too and lets the public
/// pages' own rule ([`ReviewView::from`]) decide the author line: 「退会したユーザー」, or
/// still 「匿名」 for a review written anonymously.
pub async fn written_review(app: &App, member: &CurrentUser) -> AppResult<Option<ReviewView>> {
    let mut c = app.db.read().await?;
    let latest = reviews::latest_written(&mut c, member.id).await?;
    Ok(latest.map(|r| {
        ReviewView::from(PublicReview {
            author_id: None,
            author_name: None,
            ..r
        })
    }))
}
