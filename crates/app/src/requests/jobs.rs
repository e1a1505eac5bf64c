//! The deadline job. It closes the request with a conditional update that requires it to be
//! open and past its deadline, so a request filled or closed meanwhile changes nothing and
//! nobody is told twice.

use yorozu_store::requests;

use super::job_kinds::RequestDeadline;
use crate::jobs::Job;
use crate::{App, AppResult};

impl Job for RequestDeadline {
    const KIND: &'static str = "requests.deadline";
    async fn run(self, app: &App) -> AppResult<()> {
        let now = app.now();
        let mut tx = app.db.begin().await?;
        if !requests::close_at_deadline(&mut tx, self.request_id, now).await? {
            return Ok(());
        }
        super::close::end_proposals(&mut tx, app, self.request_id, true).await?;
        tx.commit().await?;
        Ok(())
    }
}
