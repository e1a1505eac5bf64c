//! The purge: DESIGN.md's erasures and anonymisations, after the grace period (or at once),
//! leaving the user row as a tombstone. It runs the steps of [`PurgeStep`] in order; each step
//! erases in batches of `purge_batch_size` rows, one short transaction per batch, so a heavy
//! account never holds locks for long. Files go first and rows after, so a crash between the
//! two leaves a row whose file is already gone, which the re-run deletes again (deleting a
//! missing file succeeds). The current step is recorded on the withdrawal; a re-run, by the
//! job's retry or by another worker, resumes there and ends in the same state. A short pause
//! between batches (`purge_pause_ms`) keeps other requests' latency close to normal.

use yorozu_domain::UserId;
use yorozu_domain::WithdrawalId;
use yorozu_domain::withdrawal::{PurgeStep, WithdrawalState};
use yorozu_store::accounts::users;
use yorozu_store::withdrawal::purge as erase;
use yorozu_store::withdrawal::scrub::{self, Scrubbed};
use yorozu_store::withdrawal::{stats, withdrawals};

use super::month_of;
use crate::ports::PaymentError;
use crate::{App, AppError, AppResult};

/// Called after each committed batch; an error stops the purge there (tests inject crashes
/// with it). The production job passes [`no_interruption`].
pub type BatchHook<'a> = &'a mut (dyn FnMut(PurgeStep) -> AppResult<()> + Send);

pub fn no_interruption(_: PurgeStep) -> AppResult<()> {
    Ok(())
}

/// What a purge run did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Nothing to do: not closed, not due, or already purged.
    NotDue,
    /// The closing mail is still on its way; try again shortly.
    WaitingForMail,
    Purged,
}

/// Runs (or resumes) the purge of withdrawal `id`.
pub async fn run(app: &App, id: WithdrawalId, hook: BatchHook<'_>) -> AppResult<Progress> {
    let row = {
        let mut c = app.db.read().await?;
        withdrawals::find(&mut c, id).await?
    };
    let Some(row) = row else {
        return Ok(Progress::NotDue);
    };
    if row.state != WithdrawalState::Closed || row.purge_at.is_none_or(|at| at > app.now()) {
        return Ok(Progress::NotDue);
    }
    let member = row.user_id;
    let mut step = match row.purge_step {
        Some(step) => step,
        None => {
            // The last mail (with the receipt) goes out before the address is erased.
            let mut c = app.db.read().await?;
            if erase::mail_in_flight(&mut c, member).await? > 0 {
                return Ok(Progress::WaitingForMail);
            }
            drop(c);
            let first = PurgeStep::ALL[0];
            let mut tx = app.db.begin_background().await?;
            if !withdrawals::advance_purge(&mut tx, id, None, first, app.now()).await? {
                return Ok(Progress::NotDue);
            }
            tx.commit().await?;
            first
        }
    };
    // Every pass commits some progress (a batch, or the move to the next step) before the
    // hook, so a run interrupted at any boundary resumes further on.
    loop {
        if !run_batch(app, member, step).await? {
            let Some(next) = step.next() else {
                make_physical(app).await;
                return Ok(Progress::Purged);
            };
            let mut tx = app.db.begin_background().await?;
            withdrawals::advance_purge(&mut tx, id, Some(step), next, app.now()).await?;
            tx.commit().await?;
            step = next;
        }
        hook(step)?;
        if app.policy.purge_pause_ms > 0 {
            tokio::time::sleep(std::time::Duration::from_millis(app.policy.purge_pause_ms)).await;
        }
    }
}

/// Makes the erasures physical once a purge has ended ([`scrub::after_purge`]). The purge
/// itself is done and recorded, so a failure here is logged (without anyone's data) rather
/// than undoing anything; a reader holding old WAL frames gets a few short retries.
async fn make_physical(app: &App) {
    for attempt in 1..=3 {
        match scrub::after_purge(&app.db).await {
            Ok(Scrubbed::WalBusy) if attempt < 3 => {
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            Ok(Scrubbed::WalBusy) => {
                tracing::warn!("purge ended; the WAL was in use, so it is truncated later");
                return;
            }
            Ok(_) => return,
            Err(e) => {
                tracing::warn!(error = %e, "purge ended; could not scrub the database files");
                return;
            }
        }
    }
}

/// Runs one batch of `step`; true if there may be more to do.
async fn run_batch(app: &App, member: UserId, step: PurgeStep) -> AppResult<bool> {
    let limit = app.policy.purge_batch_size.max(1);
    let now = app.now();
    let full = |n: u64| i64::try_from(n).unwrap_or(i64::MAX) >= limit;
    Ok(match step {
        PurgeStep::Listings => {
            let ids = {
                let mut c = app.db.read().await?;
                erase::listings_left(&mut c, member, limit).await?
            };
            if ids.is_empty() {
                return Ok(false);
            }
            let files = {
                let mut c = app.db.read().await?;
                erase::listing_files(&mut c, &ids).await?
            };
            for key in &files {
                app.files.delete(key).await?;
            }
            let mut tx = app.db.begin_background().await?;
            erase::erase_listings(&mut tx, &ids, now).await?;
            // Their analytics go with them (counts still in some process's memory are
            // dropped when written: the service is deleted by then).
            yorozu_store::analytics::erase_listings(&mut tx, &ids).await?;
            tx.commit().await?;
            full(ids.len() as u64)
        }
        PurgeStep::Favorites => {
            let mut tx = app.db.begin_background().await?;
            let listings = erase::delete_favorites(&mut tx, member, limit).await?;
            // Favourites count toward the recommended order: rank the services anew now.
            for listing_id in &listings {
                crate::orders::effects::refresh_rank(&mut tx, *listing_id).await?;
            }
            // Follows both ways (in batches, as many as the favourites) go with the
            // favourites, and so do the invite code and the member's invitation rows (a
            // handful; idempotent). Reward rows and their points entries stay with the
            // tombstone id, like every points entry.
            let follows = yorozu_store::follows::erase_member(&mut tx, member, limit).await?;
            yorozu_store::invitations::erase_member(&mut tx, member).await?;
            tx.commit().await?;
            full(listings.len() as u64) || full(follows)
        }
        PurgeStep::ReviewsReceived => {
            let mut tx = app.db.begin_background().await?;
            let n = erase::delete_received_reviews(&mut tx, member, limit).await?;
            tx.commit().await?;
            full(n)
        }
        PurgeStep::ReviewsWritten => {
            let mut tx = app.db.begin_background().await?;
            let n = erase::anonymise_written_reviews(&mut tx, member, limit).await?;
            tx.commit().await?;
            full(n)
        }
        PurgeStep::Consultations => crate::offers::withdrawal::erase_batch(app, member, limit)
            .await
            .map(full)?,
        PurgeStep::IdentityDocuments => {
            let docs = {
                let mut c = app.db.read().await?;
                erase::identity_documents(&mut c, member, limit).await?
            };
            for key in docs.iter().filter_map(|(_, key)| key.as_deref()) {
                app.files.delete(key).await?;
            }
            let ids: Vec<i64> = docs.iter().map(|(id, _)| *id).collect();
            let mut tx = app.db.begin_background().await?;
            erase::delete_identity_documents(&mut tx, &ids).await?;
            tx.commit().await?;
            full(ids.len() as u64)
        }
        PurgeStep::BankAccounts => {
            let mut tx = app.db.begin_background().await?;
            let n = erase::erase_bank_accounts(&mut tx, member, limit, now).await?;
            tx.commit().await?;
            full(n)
        }
        PurgeStep::Cards => {
            let cards = {
                let mut c = app.db.read().await?;
                erase::cards(&mut c, member, limit).await?
            };
            for (_, token) in &cards {
                // A token the provider no longer knows is as good as deleted.
                match app.payments.delete_card(token).await {
                    Ok(()) | Err(PaymentError::UnknownToken) => {}
                    Err(e) => {
                        return Err(AppError::Internal(format!("deleting a card token: {e}")));
                    }
                }
            }
            let ids: Vec<i64> = cards.iter().map(|(id, _)| *id).collect();
            let mut tx = app.db.begin_background().await?;
            erase::delete_cards(&mut tx, &ids).await?;
            tx.commit().await?;
            full(ids.len() as u64)
        }
        PurgeStep::Exports => {
            let rows = {
                let mut c = app.db.read().await?;
                yorozu_store::export::archives::of_member(&mut c, member, limit).await?
            };
            for row in &rows {
                crate::export::request::discard(app, row, true).await?;
            }
            full(rows.len() as u64)
        }
        PurgeStep::Access => {
            let mut tx = app.db.begin_background().await?;
            let mut n = erase::delete_access(&mut tx, member, limit).await?;
            n += crate::moderation::purge::erase_batch(&mut tx, member, limit).await?;
            n += yorozu_store::safety::blocks::erase_member(&mut tx, member).await?;
            // Whether the member saw improvement hints: counted as withdrew, then erased.
            n += super::hints::settle_withdrawn(&mut tx, member, now).await?;
            if let Some(email) = users::find(&mut tx, member).await?.and_then(|u| u.email) {
                let email_hash = app.signer.email_hash(&email);
                n += erase::delete_sign_in_failures(&mut tx, &email_hash).await?;
                crate::accounts::throttle::clear_address(&mut tx, &email_hash).await?;
            }
            tx.commit().await?;
            full(n)
        }
        PurgeStep::Mail => {
            let mut tx = app.db.begin_background().await?;
            let email = users::find(&mut tx, member)
                .await?
                .and_then(|u| u.email)
                .unwrap_or_default();
            let mut n = erase::delete_mail(&mut tx, member, &email, limit).await?;
            n += yorozu_store::notification_centre::erase_member(&mut tx, member).await?;
            tx.commit().await?;
            full(n)
        }
        PurgeStep::Profile => {
            // The member's requests (公開依頼) are public texts like the profile: their texts
            // and files go with it (idempotent, so a resumed purge finds nothing left).
            crate::requests::withdrawal::purge(app, member).await?;
            let avatar = {
                let mut c = app.db.read().await?;
                erase::avatar_key(&mut c, member).await?
            };
            if let Some(key) = avatar {
                app.files.delete(&key).await?;
            }
            let mut tx = app.db.begin_background().await?;
            erase::delete_profile(&mut tx, member).await?;
            tx.commit().await?;
            false
        }
        PurgeStep::Tombstone => {
            let mut tx = app.db.begin_background().await?;
            let open = withdrawals::open_for(&mut tx, member).await?;
            if let Some(row) = open.filter(|r| r.state == WithdrawalState::Closed) {
                erase::tombstone(&mut tx, member, now).await?;
                withdrawals::mark_purged(&mut tx, row.id, now).await?;
                stats::count_event(&mut tx, &month_of(now), "purged").await?;
            }
            tx.commit().await?;
            false
        }
    })
}
