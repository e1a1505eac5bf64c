//! Telling followers about a seller's new service. Publishing only queues the first page
//! ([`announce_first_publication`]) inside its transaction; the job tells one page of
//! followers per transaction, so a seller with thousands of followers never holds the
//! publishing transaction open.

use yorozu_domain::listings::ListingStatus;
use yorozu_domain::notifications::{NotificationKind, NotificationSubject};
use yorozu_domain::{ListingId, UserId};
use yorozu_i18n::Arg;
use yorozu_store::accounts::users;
use yorozu_store::listings::rows;
use yorozu_store::{Exec, follows, profiles};

use super::job_kinds::NewServiceFanOut;
use crate::jobs::Job;
use crate::mail::compose::{compose, locale_of};
use crate::mail::{MailCategory, outbox};
use crate::{App, AppResult};

/// Followers told per job run (one transaction).
pub const PAGE: i64 = 200;

/// Queues the announcement of a service published for the first time (not a resumption, not
/// an edit), in the publishing transaction.
pub(crate) async fn announce_first_publication(
    c: &mut impl Exec,
    app: &App,
    listing_id: ListingId,
    seller_id: UserId,
) -> AppResult<()> {
    let job = NewServiceFanOut {
        listing_id,
        seller_id,
        after: 0,
    };
    crate::jobs::enqueue(c, app, &job, None, app.now()).await
}

impl Job for NewServiceFanOut {
    const KIND: &'static str = "follows.new_service";

    async fn run(self, app: &App) -> AppResult<()> {
        let mut tx = app.db.begin_background().await?;
        // A service paused or deleted before its followers were told is not announced.
        let Some(listing) = rows::find(&mut tx, self.listing_id).await? else {
            return Ok(());
        };
        if listing.status != ListingStatus::Published {
            return Ok(());
        }
        let seller_name = profiles::find(&mut tx, self.seller_id)
            .await?
            .map(|p| p.display_name)
            .unwrap_or_default();
        let page = follows::follower_ids_after(&mut tx, self.seller_id, self.after, PAGE).await?;
        for follower in &page {
            crate::notifications::raise(
                &mut tx,
                app,
                *follower,
                NotificationKind::FollowedSellerNewService,
                NotificationSubject::Listing(self.listing_id),
            )
            .await?;
            // The mail cell of the same row (お気に入り・フォロー) decides in the outbox.
            if let Some(user) = users::find(&mut tx, *follower).await?
                && let Some(email) = user.email.as_deref()
            {
                let mail = compose(
                    locale_of(&user.locale),
                    "followed-seller-new-service",
                    email,
                    Some(user.id),
                    &[
                        ("seller", Arg::from(seller_name.as_str())),
                        ("title", Arg::from(listing.title.as_str())),
                        (
                            "url",
                            Arg::from(app.url(&format!("/services/{}", listing.id))),
                        ),
                    ],
                );
                outbox::enqueue(&mut tx, app, MailCategory::Favorites, mail).await?;
            }
        }
        // A full page may have more behind it: the next page is its own job, committed with
        // this page, so a re-run after a crash starts where the committed work ended.
        if i64::try_from(page.len()).unwrap_or(i64::MAX) >= PAGE
            && let Some(last) = page.last()
        {
            let next = NewServiceFanOut {
                after: last.get(),
                ..self
            };
            crate::jobs::enqueue(&mut tx, app, &next, None, app.now()).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
