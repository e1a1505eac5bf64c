//! Identity verification (本人確認): a member uploads a document image, an operator decides,
//! approval puts a badge on the profile, and the image is erased a while after the decision.

pub mod erase;
pub mod remove;
pub mod review;
pub mod submit;

use yorozu_domain::UserId;
use yorozu_domain::identity::{DocumentKind, IdentityStatus};
use yorozu_store::{Exec, identity};

use crate::{App, AppResult};

/// What the member's settings page shows about verification.
#[derive(Debug, Clone)]
pub struct IdentityState {
    pub status: Option<IdentityStatus>,
    pub kind: Option<DocumentKind>,
    pub submitted_at: Option<i64>,
    pub decided_at: Option<i64>,
    pub rejection_reason: Option<String>,
    /// When the image is due for erasure (set with the decision). Shown on the settings page,
    /// not in the API.
    pub file_erase_after: Option<i64>,
    pub file_erased_at: Option<i64>,
}

pub async fn state(c: &mut impl Exec, user_id: UserId) -> AppResult<IdentityState> {
    let doc = identity::latest_for_user(c, user_id).await?;
    if doc.is_none() {
        // The member erased their documents ([`remove`]): the verification stays.
        let verified_at = yorozu_store::profiles::find(c, user_id)
            .await?
            .and_then(|p| p.identity_verified_at);
        return Ok(IdentityState {
            status: verified_at.map(|_| IdentityStatus::Approved),
            kind: None,
            submitted_at: None,
            decided_at: verified_at,
            rejection_reason: None,
            file_erase_after: None,
            file_erased_at: verified_at,
        });
    }
    Ok(IdentityState {
        status: doc.as_ref().map(|d| d.status),
        kind: doc.as_ref().map(|d| d.kind),
        submitted_at: doc.as_ref().map(|d| d.submitted_at),
        decided_at: doc.as_ref().and_then(|d| d.decided_at),
        rejection_reason: doc.as_ref().and_then(|d| d.rejection_reason.clone()),
        file_erase_after: doc.as_ref().and_then(|d| d.file_erase_after),
        file_erased_at: doc.as_ref().and_then(|d| d.file_erased_at),
    })
}

/// [`state`] for the signed-in member's own settings page.
pub async fn current(app: &App, user_id: UserId) -> AppResult<IdentityState> {
    let mut c = app.db.read().await?;
    state(&mut c, user_id).await
}
