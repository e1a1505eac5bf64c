//! Withdrawal (退会) and the request board: closing an account closes the member's open
//! requests and withdraws their open proposals ([`super::close::close_open_of`]); the purge
//! erases the texts and files of the requests they posted. Proposals are consultations, whose
//! messages follow the talk room's rule.

use yorozu_domain::UserId;
use yorozu_store::Exec;
use yorozu_store::requests;

use crate::{App, AppResult};

/// In the closing transaction: the member's open requests close and their proposals end.
pub(crate) async fn close_open(c: &mut impl Exec, app: &App, member: UserId) -> AppResult<u64> {
    super::close::close_open_of(c, app, member).await
}

/// At purge: every file attached to the member's requests is deleted and its row forgotten,
/// then the requests' texts are erased. Idempotent: a rerun finds nothing left.
pub async fn purge(app: &App, member: UserId) -> AppResult<()> {
    let files = {
        let mut c = app.db.read().await?;
        requests::attachments_of_buyer(&mut c, member).await?
    };
    for f in files {
        app.files.delete(&f.file_key).await?;
        let mut tx = app.db.begin().await?;
        requests::delete_attachment(&mut tx, f.id).await?;
        tx.commit().await?;
    }
    let mut tx = app.db.begin().await?;
    requests::erase_texts_of(&mut tx, member, app.now()).await?;
    tx.commit().await?;
    Ok(())
}
